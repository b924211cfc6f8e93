namespace Marketplace.Functions.Pages.Shared;

/// <summary>File sizes as people read them: 812 bytes, 14.2 KB, 3.1 MB.</summary>
public static class FileSizes
{
    public static string Of(long bytes) => bytes < 1024 ? $"{bytes} bytes" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1048576.0:0.#} MB";
}
