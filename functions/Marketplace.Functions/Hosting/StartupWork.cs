using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Functions.Hosting;

/// <summary>One piece of <see cref="StartupWork"/>: something the first requests need, brought forward.</summary>
public sealed record StartupStep(string Name, Func<IServiceProvider, Task> RunAsync);

/// <summary>
/// Work the first requests need but nothing before the server's start does (loading the request-body schemas, opening the
/// search index, creating the storage clients, the wire types' JSON metadata), started on the thread pool the moment the app
/// is built, so it runs beside the endpoints being mapped and built and the server starting instead of before them.
/// <c>GET /api/health</c> waits for it before checking anything. A step only brings work forward: one that fails is logged
/// and its work is left to its first real use, which fails the same way and is reported there.
/// </summary>
public sealed partial class StartupWork(IEnumerable<StartupStep> steps, IServiceProvider services, ILogger<StartupWork> logger)
{
    // A thread of its own for each step: queued on the thread pool, which starts with one worker per core, the later steps
    // waited behind the earlier ones (and Kestrel's first request behind them all) until the pool added threads.
    private readonly Lazy<Task> completion = new(() => Task.WhenAll(steps.Select(step => Task.Factory.StartNew(async () =>
    {
        try
        {
            await step.RunAsync(services);
        }
        catch (Exception ex)
        {
            LogStepFailed(logger, step.Name, ex);
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())));

    /// <summary>Completes when every step has run (whether or not it succeeded); never faults. Starts the work if nothing did.</summary>
    public Task Completion => completion.Value;

    public void Start() => _ = completion.Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up step {Step} failed; its work is left to its first use")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception exception);
}

public static class StartupWorkExtensions
{
    /// <summary>Adds <paramref name="step"/> to the work started when the app is built (<see cref="StartStartupWork"/>).</summary>
    public static IServiceCollection AddStartupStep(this IServiceCollection services, string name, Func<IServiceProvider, Task> step)
    {
        services.TryAddSingleton<StartupWork>();
        services.AddSingleton(new StartupStep(name, step));
        return services;
    }

    /// <summary>Adds a step that resolves <typeparamref name="T"/>, so whatever building it costs happens off the start's path.</summary>
    public static IServiceCollection AddStartupStep<T>(this IServiceCollection services, string name) where T : notnull =>
        services.AddStartupStep(name, sp =>
        {
            sp.GetRequiredService<T>();
            return Task.CompletedTask;
        });

    public static WebApplication StartStartupWork(this WebApplication app)
    {
        app.Services.GetService<StartupWork>()?.Start();
        return app;
    }
}
