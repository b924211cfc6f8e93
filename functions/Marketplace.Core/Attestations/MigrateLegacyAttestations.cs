using Marketplace.Core.Access;
using Marketplace.Core.Audit;

namespace Marketplace.Core.Attestations;

/// <summary>
/// Rewrites records stored before issue 12: status <c>validated</c> (decided by an association) becomes
/// <c>verified</c>. Each rewrite keeps the old version as a history row and writes an audit event (action
/// <c>migrate</c>), so every attestation's history survives; <c>decidedBy</c> still names the association that decided
/// it then. Idempotent: a second run finds nothing to do.
/// </summary>
public sealed class MigrateLegacyAttestations(IAttestationRecords records, TimeProvider clock)
{
    /// <summary>The status the association workflow stored.</summary>
    public const string LegacyValidated = "validated";

    // A record changed between our read and our write is read again.
    private const int Attempts = 3;

    /// <summary>Runs the migration as <paramref name="job"/>; the number of records rewritten.</summary>
    public async Task<int> RunAsync(Actor job, CancellationToken ct)
    {
        var legacy = new List<string>();
        await foreach (var attestation in records.ListByStatusAsync(LegacyValidated, ct))
        {
            legacy.Add(attestation.Id);
        }
        var migrated = 0;
        foreach (var id in legacy)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await records.FindAsync(id, ct) is not { Document.Status: LegacyValidated } current)
                {
                    break;
                }
                var next = current.Document with { Status = AttestationStatus.Verified };
                var change = new AuditEvent
                {
                    Id = Guid.NewGuid().ToString("N"),
                    SubjectKind = Attestation.SubjectKind,
                    SubjectId = id,
                    At = clock.GetUtcNow(),
                    Action = "migrate",
                    ActorUserId = job.UserId,
                    ActorRole = Actor.SystemRole,
                    From = LegacyValidated,
                    To = next.Status,
                    Reason = $"Status renamed from '{LegacyValidated}' to '{AttestationStatus.Verified}' (issue 12); decidedBy still names "
                        + $"{current.Document.DecidedBy ?? "nobody"}, the association that decided it under the association workflow.",
                };
                if (await records.ReplaceAsync(next, current.Document, current.ETag, change, ct) is not null)
                {
                    migrated++;
                    break;
                }
            }
        }
        return migrated;
    }
}
