using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Functions.Background;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Functions.Http;

namespace Marketplace.Functions.Hosting;

/// <summary>
/// The app's clock. In Development it is the system clock plus an offset an Admin can move forward
/// (<c>POST /api/dev/clock</c>), so a further competition's deadline and standstill can be walked through in a browser
/// without waiting days; anywhere else it is the system clock and the route does not exist, exactly as the
/// development token issuer. Sign-in tokens keep being checked against the real clock: sign in before moving it.
/// </summary>
public sealed class DevelopmentClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock forward (never back: stored records are keyed and ordered by time).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return GetUtcNow();
    }

    /// <summary>How far the clock may move in one call.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(366);

}

/// <summary>Registers the app's clock, and in Development only the route that moves it.</summary>
public static class DevelopmentClockRoutes
{
    public sealed record AdvanceRequest(int? Days, int? Hours);

    public sealed record Advanced(DateTimeOffset Now, string Timer);

    public static WebApplicationBuilder AddMarketplaceClock(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DevelopmentClock>();
            builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<DevelopmentClock>());
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
        return builder;
    }

    public static WebApplication MapDevelopmentClock(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapFeature("/api", "Development").MapPost("/dev/clock", AdvanceAsync)
                .WithName("AdvanceDevelopmentClock")
                .ProducesProblems(400, 401, 403)
                .WithSummary("Moves the app's clock forward by { days, hours } and runs the AdvanceCallOffs timer at the new time (Development environment only).")
                .AllowRoles(MarketplaceRole.Admin);
        }
        return app;
    }

    private static async Task<Results<Ok<Advanced>, ProblemHttpResult>> AdvanceAsync(JsonBody<AdvanceRequest> body, TimeProvider time, IServiceProvider services, CancellationToken ct)
    {
        var request = body.Value;
        // A test host may replace the clock (a FakeTimeProvider): then there is nothing for this route to move.
        if (time is not DevelopmentClock clock)
        {
            return Failure.Conflict("clock-fixed", "The app's clock is not the development clock.").ToProblem();
        }
        var by = TimeSpan.FromDays(request.Days ?? 0) + TimeSpan.FromHours(request.Hours ?? 0);
        if (by <= TimeSpan.Zero || by > DevelopmentClock.MaxStep)
        {
            return Failure.Invalid("days", $"move the clock forward by more than nothing and at most {DevelopmentClock.MaxStep.TotalDays} days").ToProblem();
        }
        var now = clock.Advance(by);
        var timer = await AdvanceCallOffs.RunAsync(new InvocationRequest(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>()), services, ct);
        return TypedResults.Ok(new Advanced(now, string.Join("; ", timer.Logs)));
    }
}
