using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Functions.Hosting;

/// <summary>Requests one client may make per minute on the routes anyone can call without signing in.</summary>
public sealed class AbuseLimitOptions
{
    public const string Section = "AbuseLimits";

    /// <summary>Catalogue searches (API and page) per client per minute.</summary>
    [Range(1, 100_000)]
    public int SearchPerMinute { get; set; } = 120;

    /// <summary>Development tokens per client per minute (the issuer exists only in Development).</summary>
    [Range(1, 100_000)]
    public int DevTokensPerMinute { get; set; } = 20;
}

/// <summary>
/// ASP.NET Core rate limiting on the public search and the development token issuer: a fixed window per client, and a
/// 429 problem with Retry-After past it. Signed-in routes are not limited here: each is authorised and audited.
/// </summary>
public static class AbuseLimits
{
    /// <summary>The policy on catalogue search.</summary>
    public const string PublicSearch = "public-search";

    /// <summary>The policy on the development token issuer.</summary>
    public const string DevTokens = "dev-tokens";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddAbuseLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AbuseLimitOptions>().Bind(builder.Configuration.GetSection(AbuseLimitOptions.Section))
            .ValidateOnStartWith<AbuseLimitOptions, AbuseLimitOptionsValidator>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PublicSearch, context => PerClient(context, o => o.SearchPerMinute));
            options.AddPolicy(DevTokens, context => PerClient(context, o => o.DevTokensPerMinute));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>
    /// The rate limiter, built at the first request to a limited route, which it alone sees. Built with the pipeline, its
    /// partitioned limiter, timer loop and metrics cost every cold start though health, the first request, never uses
    /// it (issue 15, bench/README.md). Routes carry their policy with <c>RequireRateLimiting</c>; nothing is limited globally.
    /// </summary>
    public static IApplicationBuilder UseAbuseLimits(this IApplicationBuilder app) => app.Use(next =>
    {
        var limited = new Lazy<RequestDelegate>(() =>
        {
            var branch = app.New();
            branch.UseRateLimiter();
            branch.Run(next);
            return branch.Build();
        });
        return context => context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
            ? next(context)
            : limited.Value(context);
    });

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<AbuseLimitOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AbuseLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit(options),
            Window = Window,
            QueueLimit = 0,
        });
    }

    /// <summary>Who is asking: the public client address (<see cref="HostForwarding"/> has applied the host's X-Forwarded-For).</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : (int)Window.TotalSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This address has made too many requests to {context.Request.Path} in the last minute; try again in {seconds} seconds.",
                Extensions = { ["code"] = Problems.TooManyRequests },
            },
        });
    }
}

/// <summary>The abuse limits' rules, checked by code generated at compile time (<see cref="SettingsValidation"/>).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class AbuseLimitOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<AbuseLimitOptions>;
