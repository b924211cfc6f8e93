using Microsoft.AspNetCore.Http.Metadata;

namespace Marketplace.Functions.Http;

/// <summary>Marks an endpoint as belonging to a feature's route group (the architecture tests require every endpoint to).</summary>
public sealed record FeatureGroupMetadata(string Feature);

public static class FeatureGroups
{
    /// <summary>
    /// A feature's routes under <paramref name="prefix"/>: tagged once with the feature's name, marked as grouped, and
    /// declaring the answers every route can give (400 for bad input, 503 while storage is out). Each route still
    /// declares its own access rule.
    /// </summary>
    public static RouteGroupBuilder MapFeature(this IEndpointRouteBuilder app, string prefix, string feature)
    {
        var group = app.MapGroup(prefix).WithTags(feature).WithMetadata(new FeatureGroupMetadata(feature));
        group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>The problem answers a route can give besides the group's, in one line.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
        return builder;
    }
}
