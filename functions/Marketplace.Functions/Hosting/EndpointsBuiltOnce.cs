namespace Marketplace.Functions.Hosting;

/// <summary>
/// Builds the app's endpoints once, after everything is mapped, and hands that one list to everything that reads them.
/// </summary>
/// <remarks>
/// Minimal-API and route-group sources build their endpoints again on every read (request delegate, metadata, the
/// wire types' JSON metadata), and two readers each kept their own copy: the authorization middleware's policy cache
/// when the pipeline is built, and routing's matcher at the first request. Building every endpoint twice was a
/// measurable part of the cold start (issue 15). The table is fixed once mapped (no source here adds or changes
/// endpoints later), so one static source of the built endpoints serves both.
/// </remarks>
public static class EndpointsBuiltOnce
{
    public static void BuildEndpointsOnce(this IEndpointRouteBuilder app)
    {
        var built = new DefaultEndpointDataSource(app.DataSources.SelectMany(source => source.Endpoints).ToArray());
        app.DataSources.Clear();
        app.DataSources.Add(built);
    }
}
