using System.Text.Json.Nodes;
using Marketplace.Functions.Access;
using Microsoft.OpenApi;

namespace Marketplace.Functions.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoint table, with each route's access rule.</summary>
public static class OpenApiSetup
{
    public const string AllowedRolesExtension = "x-allowed-roles";
    public const string AccessExtension = "x-access";

    public static IServiceCollection AddMarketplaceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Telecare Marketplace API";
                document.Info.Description = "Procurement and supplier compliance for telehealth, telecare and telecoaching. " +
                    "Errors are RFC 9457 problem details. Sign in with an Entra ID bearer token; each operation states who may call it.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().LastOrDefault() is { } rule)
                {
                    operation.Description = string.IsNullOrEmpty(operation.Description) ? "Access: " + rule.Describe() : $"{operation.Description}\n\nAccess: {rule.Describe()}";
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions[AccessExtension] = new JsonNodeExtension(JsonValue.Create(rule.Kind.ToString()));
                    operation.Extensions[AllowedRolesExtension] = new JsonNodeExtension(new JsonArray([.. rule.Roles.Select(r => (JsonNode)r.ToString())]));
                }
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OrganisationScope>().LastOrDefault() is { } scope)
                {
                    operation.Description += "\n\nOrganisation: " + scope.Describe();
                }
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapMarketplaceOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().WithName("GetOpenApiDocument").AllowAnyone();
        return app;
    }
}
