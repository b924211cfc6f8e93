using Marketplace.Core.Access;
using Marketplace.Core.Audit;

namespace Marketplace.Core.Attestations;

/// <summary>What one expiry run did.</summary>
public sealed record ExpiryRun(int Expired, int OfferingsUpdated);

/// <summary>
/// The nightly expiry: verified attestations and declarations whose expiry date has passed become expired (each write conditional on
/// the version just read, each with its audit event), then every affected offering's search document is updated.
/// </summary>
public sealed class ExpireLapsedAttestations(IAttestationRecords records, SearchFollowsAttestations search, TimeProvider clock)
{
    // A record changed between our read and our write is read again; after this many tries it waits for the next run.
    private const int Attempts = 3;

    /// <summary>Runs the expiry as <paramref name="job"/> (the app itself: its user id is the job's name).</summary>
    public async Task<ExpiryRun> RunAsync(Actor job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lapsed = new List<string>();
        foreach (var status in new[] { AttestationStatus.Verified, AttestationStatus.Declared })
        {
            await foreach (var attestation in records.ListByStatusAsync(status, ct))
            {
                if (AttestationDecisions.Expire(attestation, today) is not null)
                {
                    lapsed.Add(attestation.Id);
                }
            }
        }
        var expired = new List<Attestation>();
        foreach (var id in lapsed)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await records.FindAsync(id, ct) is not { } current || AttestationDecisions.Expire(current.Document, today) is not { } next)
                {
                    break; // revoked (or otherwise changed) since it was listed
                }
                var change = new AuditEvent
                {
                    Id = Guid.NewGuid().ToString("N"),
                    SubjectKind = Attestation.SubjectKind,
                    SubjectId = id,
                    At = now,
                    Action = AttestationWorkflow.NameOf(AttestationAction.Expire),
                    ActorUserId = job.UserId,
                    ActorRole = Actor.SystemRole,
                    From = current.Document.Status,
                    To = next.Status,
                    Detail = $"Expiry date {current.Document.ExpiresOn:yyyy-MM-dd} passed.",
                };
                if (await records.ReplaceAsync(next, current.Document, current.ETag, change, ct) is not null)
                {
                    expired.Add(next);
                    break;
                }
            }
        }
        return new ExpiryRun(expired.Count, await search.AttestationsChangedAsync(expired, ct));
    }
}
