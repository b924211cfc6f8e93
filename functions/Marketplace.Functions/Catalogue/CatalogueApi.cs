namespace Marketplace.Functions.Catalogue;

/// <summary>The catalogue's routes: supplier listings and public profiles.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapCreateOffering();
        app.MapGetOffering();
        app.MapReplaceOffering();
        app.MapRetireOffering();
        app.MapGetSupplierProfile();
        return app;
    }
}
