using System.Diagnostics;

namespace Marketplace.Functions.Hosting;

/// <summary>
/// One correlation id per request: the W3C trace id, taken from an incoming <c>traceparent</c> when there is one.
/// It is in every log line's scope (TraceId), in every problem answer, and echoed as <c>X-Correlation-Id</c>.
/// </summary>
public static partial class RequestCorrelation
{
    public const string Header = "X-Correlation-Id";

    // ASP.NET Core starts a request Activity (and honours traceparent) only when someone listens to it.
    private static readonly ActivityListener Listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    public static WebApplicationBuilder AddRequestCorrelation(this WebApplicationBuilder builder)
    {
        ActivitySource.AddActivityListener(Listener);
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }

    public static IApplicationBuilder UseRequestCorrelation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        // Set as the answer starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Marketplace.Requests");
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, correlationId);
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms ({CorrelationId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string correlationId);
}
