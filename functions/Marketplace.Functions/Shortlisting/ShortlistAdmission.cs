using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.InteropServices;
using Marketplace.Core.Outcomes;
using Marketplace.Functions.Http;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Shortlisting;

/// <summary>How much scoring may run at once (configuration section <c>Shortlisting:Admission</c>).</summary>
public sealed class ShortlistAdmissionOptions
{
    public const string Section = "Shortlisting:Admission";

    /// <summary>
    /// Scorings running at once; the default is one per core. A turn also spans the store's round trips and the answer's
    /// writing, when the core is partly idle: at 100,000 on 2 cores with 8 commissioners beside 32 search clients, one
    /// turn gave search p99 22.5 ms but 92 shortlists a minute at p95 6.85 s; two gave p99 38.7 ms and 234 at 3.57 s;
    /// none (every scoring at once) p99 369 ms (bench/README).
    /// </summary>
    [Range(1, 64)]
    public int Concurrent { get; set; } = Math.Min(64, Environment.ProcessorCount);

    /// <summary>Scorings waiting for a turn before more are refused (503 with Retry-After): a commissioner waits rather than being turned away, up to this.</summary>
    [Range(0, 10_000)]
    public int Waiting { get; set; } = 64;

    /// <summary>
    /// Run admitted scorings on threads of their own at a lower OS priority (nice 10 on Linux), so a search that arrives
    /// meanwhile is served first. Off by default: measured at 20,000 under load, it cut the search p99 beside 8
    /// commissioners from 96 to 72 ms, but the shortlists made in the same 30 s fell from 80 to 17 (bench/README).
    /// </summary>
    public bool LowPriority { get; set; }
}

/// <summary>
/// Admission of shortlist work (issue 15). Scoring a specification at 100,000 offerings costs hundreds of milliseconds
/// of CPU (decoding, scoring, serialising and compressing a megabyte answer); with 8 commissioners at once on 2 cores
/// the searches beside them starved (p99 369 ms). A bounded number of scorings run at once and the rest wait in turn;
/// only when the queue is full is one refused. The turn covers writing the answer; optionally the work runs below the searches' priority.
/// </summary>
public sealed class ShortlistAdmission : IDisposable
{
    private readonly SemaphoreSlim turns;
    private readonly int waitingLimit;
    private int waiting;

    public ShortlistAdmission(IOptions<ShortlistAdmissionOptions> options) : this(options.Value) { }

    public ShortlistAdmission(ShortlistAdmissionOptions options)
    {
        turns = new SemaphoreSlim(options.Concurrent, options.Concurrent);
        waitingLimit = options.Waiting;
        Scheduler = options.LowPriority ? new LowPriorityScheduler(options.Concurrent) : null;
    }

    /// <summary>Where admitted work runs; null when it runs on the thread pool like everything else.</summary>
    public LowPriorityScheduler? Scheduler { get; }

    /// <summary>
    /// A turn, held until disposed; null when every turn is taken and the queue is full. Cancelled while waiting, it
    /// throws and leaves its place in the queue.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (turns.Wait(0))
        {
            return new Turn(turns);
        }
        if (Interlocked.Increment(ref waiting) > waitingLimit)
        {
            Interlocked.Decrement(ref waiting);
            return null;
        }
        try
        {
            await turns.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        return new Turn(turns);
    }

    public void Dispose()
    {
        Scheduler?.Dispose();
        turns.Dispose();
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}

/// <summary>The endpoint filter that admits shortlist work through <see cref="ShortlistAdmission"/>.</summary>
public static class ShortlistAdmissionFilter
{
    /// <summary>Seconds a refused commissioner is asked to wait: a few scorings' time.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Admits a route that scores a specification or re-scores a snapshot through the gate. Put it before the route's
    /// other filters (the first is outermost), so the turn also covers what they do to the answer, compressing it.
    /// </summary>
    public static TBuilder AdmittedAsShortlistWork<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => AdmitAsync(context.HttpContext.RequestServices.GetRequiredService<ShortlistAdmission>(), context, next));

    /// <summary>
    /// Waits for a turn (or answers 503 when the queue is full), then runs the handler and its answer's writing within
    /// the turn, on the gate's scheduler when it has one; the turn is given back however that ends.
    /// </summary>
    public static async ValueTask<object?> AdmitAsync(ShortlistAdmission gate, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await gate.EnterAsync(http.RequestAborted) is not { } turn)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, Problems.Busy, "Too many shortlists are being scored.",
                $"Every turn is taken and the queue is full; please try again in {RetryAfterSeconds} seconds.");
        }
        try
        {
            var answer = await On(gate.Scheduler, () => next(context).AsTask());
            if (answer is IResult result)
            {
                // The answer (a megabyte of JSON, compressed) is written after the filters return: the turn covers it.
                return new WrittenInTurn(result, turn, gate.Scheduler);
            }
            turn.Dispose();
            return answer;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    // Awaits inside the work resume on the scheduler they started on (TaskScheduler.Current), so all of it stays there.
    private static Task<T> On<T>(TaskScheduler? scheduler, Func<Task<T>> work) =>
        scheduler is null ? work() : Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();

    private sealed class WrittenInTurn(IResult inner, IDisposable turn, TaskScheduler? scheduler) : IResult, INestedHttpResult
    {
        public IResult Result => inner;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using (turn)
            {
                await On(scheduler, async () =>
                {
                    await inner.ExecuteAsync(httpContext);
                    return true;
                });
            }
        }
    }
}

/// <summary>
/// A task scheduler with threads of its own that run below normal priority. .NET's <see cref="Thread.Priority"/> does
/// not change a thread's priority on Linux (measured: nice stays 0), but a thread may lower its own nice value without
/// privilege; elsewhere the threads run at <see cref="ThreadPriority.BelowNormal"/>.
/// </summary>
public sealed class LowPriorityScheduler : TaskScheduler, IDisposable
{
    /// <summary>The nice value of the scheduler's threads on Linux (0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    [ThreadStatic] private static bool onOwnThread;

    private readonly System.Collections.Concurrent.BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;

    public LowPriorityScheduler(int threadCount)
    {
        threads = [.. Enumerable.Range(0, threadCount).Select(i => new Thread(Run)
        {
            IsBackground = true,
            Name = $"Low-priority scoring {i + 1}",
            Priority = ThreadPriority.BelowNormal,
        })];
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => threads.Length;

    public void Dispose() => queue.CompleteAdding();

    protected override void QueueTask(Task task) => queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => onOwnThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Run()
    {
        onOwnThread = true;
        LowerOwnPriority();
        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void LowerOwnPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // PRIO_PROCESS with a thread id sets that thread's nice value alone (Linux keeps it per thread).
            _ = setpriority(0, gettid(), Nice);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int gettid();

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);
}

/// <summary>The admission settings' rules, checked by code generated at compile time (<see cref="Hosting.SettingsValidation"/>).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class ShortlistAdmissionOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ShortlistAdmissionOptions>;
