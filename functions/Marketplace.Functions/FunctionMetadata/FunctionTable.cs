using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Functions.Access;
using Marketplace.Functions.Background;

namespace Marketplace.Functions.FunctionMetadata;

/// <summary>Marks a route the Functions host must not expose as a function (e.g. its own readiness probe).</summary>
public sealed record NotAFunctionMetadata(string Reason);

/// <summary>One Azure Function: its name (the endpoint's name) and its function.json.</summary>
public sealed record FunctionDefinition(string Name, JsonObject FunctionJson);

/// <summary>
/// Derives every function.json from the app's own endpoint table, so the host's view and the app's routes
/// cannot drift: HTTP endpoints become forwarded httpTrigger functions, background endpoints get their trigger.
/// </summary>
public static class FunctionTable
{
    /// <summary>The app-setting prefix of the storage account queue triggers read (set in infra/bicep/modules/app.bicep).</summary>
    public const string DataStorageConnection = "DataStorage";

    public static TBuilder NotAFunction<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotAFunctionMetadata(reason));

    public static IReadOnlyList<FunctionDefinition> From(IEnumerable<Endpoint> endpoints)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<NotAFunctionMetadata>() is not null)
            {
                continue;
            }
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                ?? throw new InvalidOperationException($"Route {endpoint.RoutePattern.RawText} has no name (WithName), so it cannot be a function.");
            if (endpoint.Metadata.GetMetadata<AccessRule>() is null)
            {
                throw new InvalidOperationException($"Endpoint {name} declares no access rule.");
            }
            functions.Add(endpoint.Metadata.GetMetadata<BackgroundFunctionMetadata>() is { } background
                ? new FunctionDefinition(name, TriggerFunction(background.Trigger))
                : new FunctionDefinition(name, HttpFunction(endpoint)));
        }
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : throw new InvalidOperationException($"Two endpoints are both named {duplicate.Key}; function names must be unique.");
    }

    /// <summary>Writes <c>&lt;FunctionName&gt;/function.json</c> for every function under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<FunctionDefinition> functions, string root)
    {
        var written = new List<string>();
        var options = new JsonSerializerOptions { WriteIndented = true };
        foreach (var function in functions)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, function.Name));
            var path = Path.Combine(folder.FullName, "function.json");
            File.WriteAllText(path, function.FunctionJson.ToJsonString(options) + "\n");
            written.Add(path);
        }
        return written;
    }

    private static JsonObject HttpFunction(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
            ?? throw new InvalidOperationException($"Route {endpoint.RoutePattern.RawText} has no HTTP method.");
        return new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    // The app authenticates and authorises every route itself (Entra ID bearer tokens).
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray([.. methods.Select(m => (JsonNode)m.ToLowerInvariant())]),
                    ["route"] = endpoint.RoutePattern.RawText!.TrimStart('/'),
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
        };
    }

    private static JsonObject TriggerFunction(TriggerBinding trigger) => new()
    {
        ["bindings"] = new JsonArray(trigger switch
        {
            QueueTriggerBinding queue => new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = queue.BindingName,
                ["queueName"] = queue.QueueName,
                // The data account's queues (app settings DataStorage__queueServiceUri, DataStorage__credential), not
                // the host's own account (AzureWebJobsStorage), which holds host state only.
                ["connection"] = DataStorageConnection,
            },
            TimerTriggerBinding timer => new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = timer.BindingName,
                ["schedule"] = timer.Schedule,
            },
            _ => throw new NotSupportedException(trigger.GetType().Name),
        }),
    };
}
