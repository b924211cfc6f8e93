namespace Marketplace.Schemas.Tests;

/// <summary>A temporary folder of schema files, deleted afterwards.</summary>
internal sealed class SchemaFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("schemas-");

    public string Path => folder.FullName;

    public static SchemaFolder With(params (string File, string Json)[] schemas)
    {
        var created = new SchemaFolder();
        foreach (var (file, json) in schemas)
        {
            System.IO.File.WriteAllText(created.PathOf(file), json);
        }

        return created;
    }

    public string PathOf(string file) => System.IO.Path.Combine(Path, file);

    public void Dispose() => folder.Delete(recursive: true);
}
