using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Catalogue;
using Marketplace.Storage.Attestations;

namespace Marketplace.Functions.Background;

/// <summary>
/// Timer function: every night at 00:30 UTC marks validated attestations whose expiry date has passed as expired
/// (each write conditional on the ETag just read, each with its audit event), then updates the search document of
/// every affected offering — the attestation's offering, or all the supplier's active offerings for an
/// organisation-level one. Standalone, it also runs at start-up.
/// </summary>
public static partial class ExpireAttestations
{
    public const string Name = "ExpireAttestations";
    public const string Schedule = "0 30 0 * * *";

    // A record changed between our read and our write is read again; after this many tries it waits for tomorrow.
    private const int Attempts = 3;

    public static BackgroundFunction Define() => new(Name, new TimerTriggerBinding("timer", Schedule, RunWhenStandaloneStarts: true), RunAsync);

    public static async Task<InvocationResponse> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<AttestationStore>();
        var index = services.GetRequiredService<ISearchIndexUpdates>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);

        var lapsed = new List<string>();
        await foreach (var attestation in store.ListByStatusAsync(AttestationStatus.Validated, ct))
        {
            if (AttestationDecisions.Expire(attestation, today) is not null)
            {
                lapsed.Add(attestation.Id);
            }
        }
        var expired = new List<Attestation>();
        foreach (var id in lapsed)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await store.FindAsync(id, ct) is not { } current || AttestationDecisions.Expire(current.Document, today) is not { } next)
                {
                    break; // revoked (or otherwise changed) since it was listed
                }
                var change = new AuditEvent
                {
                    Id = Guid.NewGuid().ToString("N"),
                    SubjectKind = AttestationStore.SubjectKind,
                    SubjectId = id,
                    At = now,
                    Action = AttestationWorkflow.NameOf(AttestationAction.Expire),
                    ActorUserId = Name,
                    ActorRole = Actor.SystemRole,
                    From = current.Document.Status,
                    To = next.Status,
                    Detail = $"Expiry date {current.Document.ExpiresOn:yyyy-MM-dd} passed.",
                };
                if (await store.ReplaceAsync(next, current.Document, current.ETag, change, ct) is not null)
                {
                    expired.Add(next);
                    break;
                }
            }
        }
        var offerings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attestation in expired)
        {
            await foreach (var offeringId in store.AffectedOfferingsAsync(attestation, ct))
            {
                offerings.Add(offeringId);
            }
        }
        foreach (var offeringId in offerings.Order(StringComparer.Ordinal))
        {
            await index.OfferingChangedAsync(offeringId, ct);
        }
        LogExpired(logger, expired.Count, offerings.Count);
        return InvocationResponse.Done($"Expired {expired.Count} attestations; updated {offerings.Count} offerings in search");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} attestations and updated {Offerings} offerings in search")]
    private static partial void LogExpired(ILogger logger, int count, int offerings);
}
