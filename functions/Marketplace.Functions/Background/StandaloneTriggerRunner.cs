using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Marketplace.Storage;
using Marketplace.Storage.Provisioning;
using NCrontab;

namespace Marketplace.Functions.Background;

public sealed class BackgroundOptions
{
    public const string Section = "Background";

    /// <summary>Run timer and queue functions in-process when no Functions host is present.</summary>
    public bool RunInProcess { get; set; } = true;

    /// <summary>How long to wait before polling an empty queue again.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Stands in for the Functions host when there is none (a laptop, the tests): polls the queues and keeps the
/// timers, and calls each function's handler with the payload shape the host would send.
/// </summary>
public sealed partial class StandaloneTriggerRunner(
    IEnumerable<BackgroundFunction> functions,
    IServiceScopeFactory scopes,
    QueueServiceClient queues,
    StorageProvisioner provisioner,
    TimeProvider time,
    BackgroundActivity activity,
    HeapCompaction compaction,
    Microsoft.Extensions.Options.IOptions<BackgroundOptions> options,
    ILogger<StandaloneTriggerRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await provisioner.Provisioned.WaitAsync(stoppingToken);
        var started = time.GetTimestamp();
        var firstRuns = new List<Task>();
        var running = functions.Select(function => function.Trigger switch
        {
            QueueTriggerBinding queue => PollAsync(function, queue, stoppingToken),
            TimerTriggerBinding timer => KeepTimeAsync(function, timer, FirstRun(firstRuns, timer), stoppingToken),
            _ => throw new NotSupportedException($"No standalone runner for {function.Trigger.GetType().Name}."),
        }).ToList();
        running.Add(AfterStartUpWorkAsync(firstRuns, started, stoppingToken));
        await Task.WhenAll(running);
    }

    private static TaskCompletionSource? FirstRun(List<Task> firstRuns, TimerTriggerBinding timer)
    {
        if (!timer.RunWhenStandaloneStarts)
        {
            return null;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        firstRuns.Add(done.Task);
        return done;
    }

    // The start-up runs (reindex, reconciliations) leave hundreds of MB committed to the heap at 100,000 offerings: once
    // they have all finished, the heap is compacted once and the memory given back.
    private async Task AfterStartUpWorkAsync(List<Task> firstRuns, long started, CancellationToken stop)
    {
        await Task.WhenAll(firstRuns).WaitAsync(stop).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (stop.IsCancellationRequested)
        {
            return;
        }
        LogStartUpWorkFinished(firstRuns.Count, time.GetElapsedTime(started).TotalSeconds);
        await compaction.CompactAfterAsync("the start-up work");
        activity.StartUpWorkFinished();
    }

    private async Task PollAsync(BackgroundFunction function, QueueTriggerBinding trigger, CancellationToken stop)
    {
        var queue = queues.GetQueueClient(trigger.QueueName);
        var poison = queues.GetQueueClient(StorageNames.PoisonQueueOf(trigger.QueueName));
        while (!stop.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(maxMessages: 16, visibilityTimeout: TimeSpan.FromMinutes(5), stop)).Value;
            }
            catch (RequestFailedException ex) when (!stop.IsCancellationRequested)
            {
                LogQueueUnavailable(function.Name, ex.Status);
                await Delay(TimeSpan.FromSeconds(5), stop);
                continue;
            }
            if (batch.Length == 0)
            {
                await Delay(options.Value.QueuePollInterval, stop);
                continue;
            }
            foreach (var message in batch)
            {
                await DeliverAsync(function, trigger, queue, poison, message, stop);
            }
        }
    }

    private async Task DeliverAsync(BackgroundFunction function, QueueTriggerBinding trigger, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stop)
    {
        var request = new InvocationRequest(
            new Dictionary<string, JsonElement> { [trigger.BindingName] = JsonSerializer.SerializeToElement(message.Body.ToString()) },
            new Dictionary<string, JsonElement>
            {
                ["Id"] = JsonSerializer.SerializeToElement(message.MessageId),
                ["DequeueCount"] = JsonSerializer.SerializeToElement(message.DequeueCount),
                ["InsertionTime"] = JsonSerializer.SerializeToElement(message.InsertedOn),
                ["ExpirationTime"] = JsonSerializer.SerializeToElement(message.ExpiresOn),
                ["NextVisibleTime"] = JsonSerializer.SerializeToElement(message.NextVisibleOn),
            });
        var succeeded = await InvokeAsync(function, request, stop);
        try
        {
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop);
            }
            else if (message.DequeueCount >= QueueTriggerBinding.MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: stop);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop);
                LogPoisoned(function.Name, message.MessageId, message.DequeueCount);
            }
            else
            {
                // Retry soon, as the host does, rather than after the full visibility timeout.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(1), cancellationToken: stop);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // The pop receipt expired: another receive owns the message now.
        }
    }

    private async Task KeepTimeAsync(BackgroundFunction function, TimerTriggerBinding trigger, TaskCompletionSource? firstRun, CancellationToken stop)
    {
        var schedule = CrontabSchedule.Parse(trigger.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        DateTime? last = null;
        if (trigger.RunWhenStandaloneStarts)
        {
            last = time.GetUtcNow().UtcDateTime;
            await InvokeAsync(function, TimerRequest(trigger, schedule, last, last.Value), stop);
            firstRun?.SetResult();
        }
        while (!stop.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            await Delay(next - now, stop);
            if (stop.IsCancellationRequested)
            {
                return;
            }
            await InvokeAsync(function, TimerRequest(trigger, schedule, last, next), stop);
            last = next;
        }
    }

    private static InvocationRequest TimerRequest(TimerTriggerBinding trigger, CrontabSchedule schedule, DateTime? last, DateTime due) =>
        new(new Dictionary<string, JsonElement>
            {
                [trigger.BindingName] = JsonSerializer.SerializeToElement(new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = last, Next = schedule.GetNextOccurrence(due), LastUpdated = due },
                    IsPastDue = false,
                }),
            },
            new Dictionary<string, JsonElement>());

    private async Task<bool> InvokeAsync(BackgroundFunction function, InvocationRequest request, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var succeeded = false;
        try
        {
            var result = await BackgroundFunctionEndpoints.InvokeAsync(function, request, scope.ServiceProvider, stop);
            succeeded = result.Result is Microsoft.AspNetCore.Http.HttpResults.Ok<InvocationResponse>;
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            LogInvocationFailed(ex, function.Name);
        }
        activity.Record(function.Name, succeeded, time.GetUtcNow());
        return succeeded;
    }

    private Task Delay(TimeSpan delay, CancellationToken stop) =>
        Task.Delay(delay, time, stop).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up work finished: {Functions} timer functions ran once in {Seconds:0.0} s")]
    private partial void LogStartUpWorkFinished(int functions, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue for {Function} unavailable (status {Status}); polling again shortly")]
    private partial void LogQueueUnavailable(string function, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} failed {Function} {DequeueCount} times and moved to the poison queue")]
    private partial void LogPoisoned(string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed")]
    private partial void LogInvocationFailed(Exception exception, string function);
}

public static class BackgroundRegistration
{
    public static WebApplicationBuilder AddBackgroundFunctions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BackgroundActivity>();
        builder.Services.AddSingleton<HeapCompaction>();
        builder.Services.AddOptions<BackgroundOptions>().Bind(builder.Configuration.GetSection(BackgroundOptions.Section));
        builder.Services.AddSingleton(sp => UpdateSearchIndex.Define(sp.GetRequiredService<StorageNames>()));
        builder.Services.AddSingleton(_ => ReindexCatalogue.Define());
        builder.Services.AddSingleton(_ => ReconcileCandidates.Define());
        builder.Services.AddSingleton(_ => ExpireAttestations.Define());
        builder.Services.AddSingleton(_ => AdvanceCallOffs.Define());
        var mode = Hosting.HostingMode.From(builder.Configuration);
        if (!mode.UnderFunctionsHost && builder.Configuration.GetValue(BackgroundOptions.Section + ":RunInProcess", true))
        {
            builder.Services.AddHostedService<StandaloneTriggerRunner>();
        }
        return builder;
    }
}
