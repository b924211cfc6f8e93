using System.Text.Json;
using Marketplace.Functions.Access;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Background;

/// <summary>What the Functions host sends a custom handler for a non-HTTP trigger: binding data and trigger metadata.</summary>
public sealed record InvocationRequest(
    IReadOnlyDictionary<string, JsonElement> Data,
    IReadOnlyDictionary<string, JsonElement> Metadata);

/// <summary>What a custom handler answers the host: output bindings, log lines, return value.</summary>
public sealed record InvocationResponse(
    IReadOnlyDictionary<string, object?> Outputs,
    IReadOnlyList<string> Logs,
    object? ReturnValue)
{
    public static InvocationResponse Done(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}

/// <summary>The trigger of a timer or queue function; becomes the first binding of its function.json.</summary>
public abstract record TriggerBinding(string BindingName);

/// <summary>A Storage-queue trigger on the app's storage account (<c>AzureWebJobsStorage</c>).</summary>
public sealed record QueueTriggerBinding(string BindingName, string QueueName) : TriggerBinding(BindingName)
{
    /// <summary>The host's default: a message failing this many times moves to the poison queue.</summary>
    public const int MaxDequeueCount = 5;
}

/// <summary>A timer trigger with a six-field NCRONTAB schedule (seconds first), in UTC.</summary>
public sealed record TimerTriggerBinding(string BindingName, string Schedule, bool RunWhenStandaloneStarts) : TriggerBinding(BindingName);

/// <summary>The input does not fit the function (e.g. a queue message that is not the expected JSON).</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);

/// <summary>A timer or queue function: its trigger and its handler, which the host and the standalone runner both call.</summary>
public sealed record BackgroundFunction(
    string Name,
    TriggerBinding Trigger,
    Func<InvocationRequest, IServiceProvider, CancellationToken, Task<InvocationResponse>> Handler);

/// <summary>Marks the endpoint that receives a background function's invocations from the host.</summary>
public sealed record BackgroundFunctionMetadata(TriggerBinding Trigger);

public static class BackgroundFunctionEndpoints
{
    /// <summary>Maps <c>POST /{FunctionName}</c> for each background function: the route the host invokes.</summary>
    public static IEndpointRouteBuilder MapBackgroundFunctions(this IEndpointRouteBuilder app)
    {
        foreach (var function in app.ServiceProvider.GetServices<BackgroundFunction>())
        {
            app.MapPost("/" + function.Name, (JsonBody<InvocationRequest> request, HttpContext context, CancellationToken ct) => InvokeAsync(function, request.Value, context.RequestServices, ct))
                .WithName(function.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
                .WithTags("Host invocations")
                .WithSummary($"Invoked by the Functions host for the {TriggerKind(function.Trigger)} trigger of {function.Name}.")
                .WithMetadata(new BackgroundFunctionMetadata(function.Trigger))
                .AllowFunctionsHost();
        }
        return app;
    }

    public static async Task<Results<Ok<InvocationResponse>, ProblemHttpResult>> InvokeAsync(
        BackgroundFunction function, InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await function.Handler(request, services, ct));
        }
        catch (InvalidInvocationException ex)
        {
            // Non-2xx fails the invocation: the host retries, then moves the message to the poison queue.
            return ProblemResults.Of(400, Problems.ValidationFailed, "The trigger input is not valid.", ex.Message);
        }
    }

    private static string TriggerKind(TriggerBinding trigger) => trigger is QueueTriggerBinding ? "queue" : "timer";

    /// <summary>Reads a queue message (the host sends it as a string or, for JSON, sometimes as the object itself).</summary>
    public static T ReadQueueMessage<T>(this InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var data))
        {
            throw new InvalidInvocationException($"The invocation has no '{bindingName}' data.");
        }
        try
        {
            var message = data.ValueKind == JsonValueKind.String
                ? JsonSerializer.Deserialize<T>(data.GetString()!, JsonSerializerOptions.Web)
                : data.Deserialize<T>(JsonSerializerOptions.Web);
            return message ?? throw new InvalidInvocationException($"The '{bindingName}' message is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"The '{bindingName}' message is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }
}
