namespace Marketplace.Functions.Specifications;

/// <summary>Commissioners' specifications: filled-in key-requirements templates, owned by one commissioner organisation.</summary>
public static class SpecificationsApi
{
    public static IEndpointRouteBuilder MapSpecifications(this IEndpointRouteBuilder app)
    {
        app.MapCreateSpecification();
        app.MapGetSpecification();
        app.MapReplaceSpecification();
        app.MapGetSpecificationHistory();
        app.MapListCommissionerSpecifications();
        return app;
    }
}
