namespace Marketplace.Functions.Templates;

/// <summary>Key-requirements templates: read by anyone, new versions published by an Admin.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder app)
    {
        app.MapListTemplates();
        app.MapGetTemplate();
        app.MapPublishTemplate();
        return app;
    }
}
