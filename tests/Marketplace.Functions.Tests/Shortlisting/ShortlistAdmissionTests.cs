using Marketplace.Core.Outcomes;
using Marketplace.Functions.Shortlisting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>The gate in front of scoring: a bounded number run, the rest wait in turn, and only a full queue is refused.</summary>
public sealed class ShortlistAdmissionTests
{
    private static ShortlistAdmission Gate(int concurrent, int waiting, bool lowPriority = false) =>
        new(new ShortlistAdmissionOptions { Concurrent = concurrent, Waiting = waiting, LowPriority = lowPriority });

    [Fact]
    public async Task Past_the_running_turns_a_commissioner_waits_and_is_admitted_when_one_ends_and_past_the_queue_is_refused()
    {
        using var gate = Gate(concurrent: 1, waiting: 1);

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        var third = await gate.EnterAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.False(second.IsCompleted);
        Assert.Null(third);
        first.Dispose();
        first.Dispose(); // giving a turn back twice frees one turn, not two
        using var admitted = await second;
        Assert.NotNull(admitted);
        Assert.False(gate.EnterAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_commissioner_who_leaves_while_waiting_gives_up_the_place_in_the_queue()
    {
        using var gate = Gate(concurrent: 1, waiting: 1);
        using var running = await gate.EnterAsync(CancellationToken.None);
        using var leaving = new CancellationTokenSource();

        var waiting = gate.EnterAsync(leaving.Token);
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var next = gate.EnterAsync(CancellationToken.None);
        Assert.False(next.IsCompleted); // waiting in the freed place, not refused
        running!.Dispose();
        Assert.NotNull(await next);
    }

    [Fact]
    public async Task A_full_queue_is_answered_503_with_Retry_After_as_a_problem_and_the_handler_does_not_run()
    {
        using var gate = Gate(concurrent: 1, waiting: 0);
        using var running = await gate.EnterAsync(CancellationToken.None);
        var http = new DefaultHttpContext();
        var ran = false;

        var answer = await ShortlistAdmissionFilter.AdmitAsync(gate, new DefaultEndpointFilterInvocationContext(http), _ =>
        {
            ran = true;
            return ValueTask.FromResult<object?>(TypedResults.Ok());
        });

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal(503, problem.StatusCode);
        Assert.Equal(Problems.TypeOf(Problems.Busy), problem.ProblemDetails.Type);
        Assert.Equal(ShortlistAdmissionFilter.RetryAfterSeconds.ToString(), http.Response.Headers.RetryAfter.ToString());
        Assert.False(ran);
    }

    [Fact]
    public async Task The_turn_is_given_back_when_the_handler_fails()
    {
        using var gate = Gate(concurrent: 1, waiting: 0);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await ShortlistAdmissionFilter.AdmitAsync(gate,
            new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), _ => throw new InvalidOperationException("storage failed")));

        Assert.NotNull(await gate.EnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_turn_is_held_while_the_answer_is_written_and_given_back_when_writing_fails()
    {
        using var gate = Gate(concurrent: 1, waiting: 0);
        var http = new DefaultHttpContext();

        var answer = (IResult)(await ShortlistAdmissionFilter.AdmitAsync(gate, new DefaultEndpointFilterInvocationContext(http),
            _ => ValueTask.FromResult<object?>(new FailingToWrite())))!;

        Assert.Null(await gate.EnterAsync(CancellationToken.None)); // the answer is not written yet: its turn is taken
        await Assert.ThrowsAsync<IOException>(() => answer.ExecuteAsync(http));
        Assert.NotNull(await gate.EnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Admitted_work_and_what_it_awaits_run_below_normal_priority()
    {
        using var gate = Gate(concurrent: 1, waiting: 0, lowPriority: true);
        var nice = new List<int>();

        await ShortlistAdmissionFilter.AdmitAsync(gate, new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), async _ =>
        {
            nice.Add(NiceOfThisThread());
            await Task.Yield();
            nice.Add(NiceOfThisThread());
            return TypedResults.Ok();
        });

        Assert.Equal([LowPriorityScheduler.Nice, LowPriorityScheduler.Nice], nice);
    }

    // Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.
    private static int NiceOfThisThread() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16]);

    private sealed class FailingToWrite : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => throw new IOException("client went away");
    }
}
