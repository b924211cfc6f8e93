using System.Globalization;
using Marketplace.Core.Access;
using Marketplace.Core.Registers;
using Marketplace.Functions.Background;

namespace Marketplace.Functions.Registers;

/// <summary>
/// Queue function: imports (or resumes) one register snapshot, message <c>{ "register": "dspt", "snapshotDate": "2026-11-01" }</c>.
/// A refused file ends the import (recorded on its status) and the message; a storage failure fails the invocation so
/// the host retries, and the retry resumes from the import's checkpoint.
/// </summary>
public static partial class ImportRegisterSnapshotFunction
{
    public const string Name = "ImportRegisterSnapshot";
    public const string BindingName = "message";

    /// <summary>The function on <paramref name="queueName"/> (the register-imports queue).</summary>
    public static BackgroundFunction Define(string queueName) => new(Name, new QueueTriggerBinding(BindingName, queueName), RunAsync);

    /// <summary>The app acts for itself: the job's name is recorded as the user, with the System role.</summary>
    public static Actor Job { get; } = new(Name, null, new HashSet<MarketplaceRole>());

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var message = request.ReadQueueMessage<RegisterImportRequest>(BindingName);
        if (PublicRegisters.BySlug(message.Register) is not { } register)
        {
            throw new InvalidInvocationException($"register must be one of {string.Join(", ", PublicRegisters.All.Select(r => r.Slug))}.");
        }
        if (!DateOnly.TryParseExact(message.SnapshotDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidInvocationException("snapshotDate must be yyyy-mm-dd.");
        }
        var import = await services.GetRequiredService<ImportRegisterSnapshot>().RunAsync(Job, register, date, ct);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        if (import is null)
        {
            return InvocationResponse.Done($"No import of {register.Slug} {date:yyyy-MM-dd} is queued");
        }
        LogImport(logger, import.Key, import.Status, import.RowsRead, import.Verified, import.Reinstated, import.Lapsed, import.Message);
        return InvocationResponse.Done($"{import.Key}: {import.Status}, {import.RowsRead} rows, {import.Verified} verified, {import.Reinstated} reinstated, " +
            $"{import.Lapsed} lapsed{(import.Message is null ? "" : ": " + import.Message)}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register import {Key} {Status}: {Rows} rows, {Verified} verified, {Reinstated} reinstated, {Lapsed} lapsed {Message}")]
    private static partial void LogImport(ILogger logger, string key, string status, long rows, int verified, int reinstated, int lapsed, string? message);
}

/// <summary>
/// Timer function: every five minutes (and at standalone start-up) queues the import of any snapshot dropped straight
/// into the register-snapshots container, or replaced there, that has no import of its version yet.
/// </summary>
public static class QueueDroppedSnapshotsFunction
{
    public const string Name = "QueueDroppedRegisterSnapshots";
    public const string Schedule = "0 */5 * * * *";

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var queued = await services.GetRequiredService<QueueDroppedSnapshots>().RunAsync(ct);
        return InvocationResponse.Done($"Queued {queued.Count} dropped snapshots" + (queued.Count == 0 ? "" : ": " + string.Join(", ", queued.Select(i => i.Key))));
    }
}
