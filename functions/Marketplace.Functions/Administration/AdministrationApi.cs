namespace Marketplace.Functions.Administration;

/// <summary>Admin-only routes: who acts for which organisation.</summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        app.MapPutMembership();
        app.MapGetMembership();
        app.MapDeleteMembership();
        return app;
    }
}
