using Marketplace.Functions.Access;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Functions.Pages;

/// <summary>
/// <c>GET /assets/{*path}</c>: the design system's compiled CSS, JS and images and the marketplace's own stylesheet,
/// from <c>wwwroot/assets</c> beside the app (copied there by the build from node_modules). An endpoint rather than
/// static-file middleware so that the Functions host, which forwards only function routes, serves them too.
/// </summary>
internal static class StaticAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot", "assets");
        // A missing folder serves nothing (404s); the build fails earlier when the design system is not installed.
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        app.MapGet("/assets/{*path}", (string? path, HttpResponse response) =>
            {
                // The provider refuses paths that leave its root (.., absolute paths).
                var file = string.IsNullOrEmpty(path) ? null : files.GetFileInfo(path);
                if (file is not { Exists: true, IsDirectory: false, PhysicalPath: { } physical })
                {
                    return Results.NotFound();
                }
                response.Headers.CacheControl = "public, max-age=3600";
                var contentType = ContentTypes.TryGetContentType(physical, out var known) ? known : "application/octet-stream";
                var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
                return Results.File(physical, contentType, lastModified: file.LastModified, entityTag: etag);
            })
            .WithName("StaticAssets")
            .WithSummary("The web pages' stylesheets, scripts and images.")
            .ExcludeFromDescription()
            .AllowAnyone();
    }
}
