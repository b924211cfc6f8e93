using System.Diagnostics;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Http;

/// <summary>Makes every error answer RFC 9457 problem+json with a stable <c>type</c>, <c>code</c> and correlation id.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddMarketplaceProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            var code = problem.Extensions.TryGetValue("code", out var given) && given is string s ? s : Problems.CodeFor(status);
            problem.Type = Problems.TypeOf(code);
            problem.Extensions["code"] = code;
            problem.Extensions["correlationId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            problem.Instance ??= context.HttpContext.Request.Path;
            if (status == 404 && problem.Detail is null)
            {
                problem.Detail = $"Nothing is at {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.";
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}

/// <summary>
/// Turns an exception that escaped a handler into problem details: a storage outage is a 503 the caller may retry,
/// a malformed request keeps its 4xx, anything else is a 500 with no stack trace.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Problems.CodeFor(bad.StatusCode), "The request could not be read.", bad.Message),
            _ when IsOutage(exception) =>
                (503, Problems.DependencyUnavailable, "A storage or search service is unavailable.", $"Try again in {RetryAfterSeconds} seconds; nothing was changed."),
            _ => (500, Problems.InternalError, "Something went wrong on our side.", "The error has been logged with this correlation id."),
        };
        if (status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path, status);
        }
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    /// <summary>How long a caller should wait before retrying during an outage (the SDK has already retried by then).</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>
    /// Whether the exception is storage or search being unreachable or failing on its side. The Azure SDK wraps the
    /// failures of its retries in an <see cref="AggregateException"/>, so every inner exception is looked at.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } or HttpRequestException or TimeoutException
            or System.Net.Sockets.SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsOutage),
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed and answered {Status}")]
    private partial void LogUnhandled(Exception exception, string method, string path, int status);
}
