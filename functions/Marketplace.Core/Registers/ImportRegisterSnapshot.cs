using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Registers;

/// <summary>
/// Imports one register snapshot (the app's own queue job, never a user's action). The whole file is checked first
/// (UTF-8, the register's columns, one row per reference, at least one row), so a malformed file is refused and
/// changes nothing. Then the rows are applied in batches: a submitted attestation whose reference is on the register,
/// with a status that counts and the same (normalised) supplier or product name, is verified; a lapsed one back on the
/// register is verified again. Last, verified attestations of the register whose reference is no longer registered
/// lapse. Each change is conditional on the version just read and carries an audit event naming the snapshot, whose id
/// is derived from the attestation, snapshot and action, so a replay records nothing twice. The import's record is the
/// checkpoint: a run killed mid-way is resumed from the last batch it saved and ends as an uninterrupted run would.
/// A snapshot older than one already imported for the register is refused: it would undo newer facts.
/// </summary>
public sealed class ImportRegisterSnapshot(
    IRegisterImports imports,
    IRegisterSnapshots snapshots,
    IAttestationRecords records,
    IOrganisations organisations,
    IAttestedOfferings offerings,
    SearchFollowsAttestations search,
    RegisterImportSettings settings,
    TimeProvider clock)
{
    private const int Attempts = 3;

    // The run reads these; primary-constructor parameters are not visible to a nested class.
    private IRegisterImports Imports => imports;
    private IRegisterSnapshots Snapshots => snapshots;
    private IAttestationRecords Records => records;
    private IOrganisations Organisations => organisations;
    private IAttestedOfferings Offerings => offerings;
    private SearchFollowsAttestations Search => search;
    private RegisterImportSettings Settings => settings;
    private TimeProvider Clock => clock;

    /// <summary>
    /// Runs (or resumes) the import of <paramref name="register"/>'s snapshot of <paramref name="date"/> as
    /// <paramref name="job"/>. Returns the import as it ends (done, refused, or as another run left it), or null when
    /// no such import was queued. Cancelling stops between batches, leaving the checkpoint for a later run.
    /// </summary>
    public async Task<RegisterImport?> RunAsync(Actor job, PublicRegister register, DateOnly date, CancellationToken ct)
    {
        if (await Imports.FindAsync(register.Slug, date, ct) is not { } stored)
        {
            return null;
        }
        if (stored.Document.Status is RegisterImportStatus.Done or RegisterImportStatus.Refused)
        {
            return stored.Document; // a repeated message: the import has already ended
        }
        var run = new Run(this, job, register, stored);
        return await run.ExecuteAsync(ct);
    }

    /// <summary>An audit event id derived from what it records, so a replayed change is stored once.</summary>
    public static string EventId(string attestationId, RegisterImport import, AttestationAction action) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{attestationId}|{import.Key}|{import.SnapshotVersion}|{AttestationWorkflow.NameOf(action)}")))[..32];

    private sealed class Run(ImportRegisterSnapshot use, Actor job, PublicRegister register, StoredDocument<RegisterImport> stored)
    {
        private StoredDocument<RegisterImport> current = stored;
        private readonly bool resumed = stored.Document.Status == RegisterImportStatus.Running;
        private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

        private RegisterImport Import => current.Document;

        public async Task<RegisterImport> ExecuteAsync(CancellationToken ct)
        {
            var newer = (await use.Imports.ListAsync(ct))
                .Where(i => i.Register == register.Slug && i.SnapshotDate > Import.SnapshotDate && i.Status == RegisterImportStatus.Done)
                .MaxBy(i => i.SnapshotDate);
            if (newer is not null)
            {
                return await RefuseAsync($"The {register.Name} snapshot of {newer.SnapshotDate:yyyy-MM-dd} has already been imported; " +
                    "an older snapshot never overrides a newer one.", ct);
            }
            var file = await use.Snapshots.FindAsync(register, Import.SnapshotDate, ct);
            if (file is null)
            {
                return await RefuseAsync($"The file {Import.BlobName} is not in the register-snapshots container.", ct);
            }
            if (file.Version != Import.SnapshotVersion)
            {
                return await RefuseAsync($"The file {Import.BlobName} was replaced after this import was queued; its new version is imported separately.", ct);
            }
            if (file.SizeBytes > use.Settings.MaxSnapshotBytes)
            {
                return await RefuseAsync($"The file is {file.SizeBytes} bytes; snapshots are at most {use.Settings.MaxSnapshotBytes} bytes.", ct);
            }
            if (!await SaveAsync(Import with { Status = RegisterImportStatus.Running, StartedAt = use.Clock.GetUtcNow(), SizeBytes = file.SizeBytes }, ct))
            {
                return Import;
            }

            var check = await CheckAsync(ct);
            if (check.Problem is { } problem)
            {
                return await RefuseAsync(problem, ct);
            }
            if (!await SaveAsync(Import with { RowsRead = check.Rows }, ct))
            {
                return Import;
            }

            var candidates = await CandidatesAsync(ct);
            var startBatch = Import.BatchesDone;
            var batch = new List<RegisterRow>(use.Settings.BatchSize);
            var index = 0;
            await foreach (var row in use.Snapshots.ReadAsync(register, Import.SnapshotDate, Import.SnapshotVersion, ct))
            {
                batch.Add(row);
                if (batch.Count == use.Settings.BatchSize)
                {
                    if (!await ApplyBatchAsync(index++, startBatch, batch, candidates, ct))
                    {
                        return Import;
                    }
                    batch.Clear();
                }
            }
            if (batch.Count > 0 && !await ApplyBatchAsync(index++, startBatch, batch, candidates, ct))
            {
                return Import;
            }

            if (!Import.LapsesDone)
            {
                ct.ThrowIfCancellationRequested();
                var lapsed = await LapseDroppedAsync(candidates, check, mayHaveApplied: resumed && startBatch >= index, ct);
                if (!await SaveAsync(Import with { Lapsed = Import.Lapsed + lapsed, LapsesDone = true }, ct))
                {
                    return Import;
                }
            }
            await SaveAsync(Import with { Status = RegisterImportStatus.Done, FinishedAt = use.Clock.GetUtcNow() }, ct);
            return Import;
        }

        private async Task<bool> ApplyBatchAsync(int index, int startBatch, List<RegisterRow> rows, Dictionary<string, List<Attestation>> candidates, CancellationToken ct)
        {
            if (index < startBatch)
            {
                return true; // applied before the checkpoint
            }
            ct.ThrowIfCancellationRequested();
            // Only the batch a killed run was in can hold changes made but not yet counted.
            var mayHaveApplied = resumed && index == startBatch;
            int verified = 0, reinstated = 0;
            var changed = new List<Attestation>();
            foreach (var row in rows)
            {
                if (!register.Counts(row.Status) || !candidates.TryGetValue(PublicRegister.Canonical(row.Reference), out var matches))
                {
                    continue;
                }
                foreach (var candidate in matches)
                {
                    if (!RegisterNames.Match(row.Name, await NameOfAsync(candidate, ct)))
                    {
                        continue; // the reference is right but the name is someone else's: left for a person to look at
                    }
                    var detail = $"{register.Name} snapshot {Import.SnapshotDate:yyyy-MM-dd} ({Import.BlobName}), row {row.Row}: " +
                        $"{register.ReferenceColumn} {row.Reference}, \"{row.Name}\", {row.Status}.";
                    foreach (var action in new[] { AttestationAction.Verify, AttestationAction.Reinstate })
                    {
                        var outcome = await ChangeAsync(candidate.Id, action, detail, mayHaveApplied, ct);
                        if (outcome.Changed is { } next)
                        {
                            changed.Add(next);
                        }
                        if (outcome.Counted)
                        {
                            _ = action == AttestationAction.Verify ? verified++ : reinstated++;
                        }
                    }
                }
            }
            await use.Search.AttestationsChangedAsync(changed, ct);
            return await SaveAsync(Import with
            {
                BatchesDone = index + 1,
                Verified = Import.Verified + verified,
                Reinstated = Import.Reinstated + reinstated,
            }, ct);
        }

        private async Task<int> LapseDroppedAsync(Dictionary<string, List<Attestation>> candidates, SnapshotCheck check, bool mayHaveApplied, CancellationToken ct)
        {
            var lapsed = 0;
            var changed = new List<Attestation>();
            foreach (var (reference, matches) in candidates)
            {
                if (check.Registered.Contains(reference))
                {
                    continue;
                }
                var why = check.NotCounting.TryGetValue(reference, out var status)
                    ? $"its status there is \"{status}\", which does not count"
                    : "it is not in the snapshot";
                var detail = $"{register.Name} snapshot {Import.SnapshotDate:yyyy-MM-dd} ({Import.BlobName}): {register.ReferenceColumn} {reference} — {why}.";
                foreach (var candidate in matches)
                {
                    var outcome = await ChangeAsync(candidate.Id, AttestationAction.Lapse, detail, mayHaveApplied, ct);
                    if (outcome.Changed is { } next)
                    {
                        changed.Add(next);
                    }
                    lapsed += outcome.Counted ? 1 : 0;
                }
            }
            await use.Search.AttestationsChangedAsync(changed, ct);
            return lapsed;
        }

        private sealed record Change(Attestation? Changed, bool Counted);

        /// <summary>
        /// Applies <paramref name="action"/> when the attestation's current status allows it. When it is already where the
        /// action leads and <paramref name="mayHaveApplied"/>, it counts if this snapshot's own event is in its history
        /// (a killed run changed it but did not live to save its count).
        /// </summary>
        private async Task<Change> ChangeAsync(string id, AttestationAction action, string detail, bool mayHaveApplied, CancellationToken ct)
        {
            var eventId = EventId(id, Import, action);
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await use.Records.FindAsync(id, ct) is not { } found)
                {
                    return new Change(null, false);
                }
                var attestation = found.Document;
                if (AttestationWorkflow.Next(attestation.Status, action) is not { } to)
                {
                    var done = mayHaveApplied && attestation.Status == Target(action)
                        && (await use.Records.HistoryAsync(id, ct)).Any(e => e.Id == eventId);
                    return new Change(done ? attestation : null, done);
                }
                var now = use.Clock.GetUtcNow();
                var next = action == AttestationAction.Lapse
                    ? attestation with { Status = to }
                    : attestation with { Status = to, DecidedBy = register.Slug, DecidedAt = now, Reason = null };
                var change = new AuditEvent
                {
                    Id = eventId,
                    SubjectKind = Attestation.SubjectKind,
                    SubjectId = id,
                    At = now,
                    Action = AttestationWorkflow.NameOf(action),
                    ActorUserId = job.UserId,
                    ActorRole = Actor.SystemRole,
                    From = attestation.Status,
                    To = to,
                    Detail = detail,
                };
                if (await use.Records.ReplaceAsync(next, attestation, found.ETag, change, ct) is not null)
                {
                    return new Change(next, true);
                }
            }
            return new Change(null, false); // changed under us every time: the next snapshot looks again
        }

        private static string Target(AttestationAction action) =>
            action == AttestationAction.Lapse ? AttestationStatus.Lapsed : AttestationStatus.Verified;

        /// <summary>The register's standard's attestations that an import may change, by canonical reference.</summary>
        private async Task<Dictionary<string, List<Attestation>>> CandidatesAsync(CancellationToken ct)
        {
            var byReference = new Dictionary<string, List<Attestation>>(StringComparer.Ordinal);
            foreach (var status in new[] { AttestationStatus.Submitted, AttestationStatus.Verified, AttestationStatus.Lapsed })
            {
                await foreach (var attestation in use.Records.ListByStatusAsync(status, ct))
                {
                    if (attestation.StandardCode == register.StandardCode && !string.IsNullOrWhiteSpace(attestation.RegisterReference))
                    {
                        var key = PublicRegister.Canonical(attestation.RegisterReference);
                        (byReference.TryGetValue(key, out var list) ? list : byReference[key] = []).Add(attestation);
                    }
                }
            }
            foreach (var list in byReference.Values)
            {
                list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            }
            return byReference;
        }

        /// <summary>The name a register row must carry: the offering's for MHRA (rows name devices), the supplier's otherwise.</summary>
        private async Task<string?> NameOfAsync(Attestation attestation, CancellationToken ct)
        {
            var key = register.MatchesProductName && attestation.OfferingId is { } offeringId ? "o:" + offeringId : "s:" + attestation.SupplierId;
            if (!names.TryGetValue(key, out var name))
            {
                name = register.MatchesProductName && attestation.OfferingId is { } id
                    ? (await use.Offerings.FindAsync(id, ct))?.Name ?? ""
                    : (await use.Organisations.FindAsync(attestation.SupplierId, ct))?.Name ?? "";
                names[key] = name;
            }
            return name;
        }

        private sealed record SnapshotCheck(string? Problem, long Rows, HashSet<string> Registered, Dictionary<string, string> NotCounting);

        /// <summary>Reads the whole file once before anything changes: its shape, and which references are registered.</summary>
        private async Task<SnapshotCheck> CheckAsync(CancellationToken ct)
        {
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            var registered = new HashSet<string>(StringComparer.Ordinal);
            var notCounting = new Dictionary<string, string>(StringComparer.Ordinal);
            SnapshotCheck Refused(string problem) => new(problem, rows.Count, registered, notCounting);
            try
            {
                await foreach (var row in use.Snapshots.ReadAsync(register, Import.SnapshotDate, Import.SnapshotVersion, ct))
                {
                    var reference = PublicRegister.Canonical(row.Reference);
                    if (reference.Length == 0)
                    {
                        return Refused($"Row {row.Row} has no {register.ReferenceColumn}.");
                    }
                    if (!rows.TryAdd(reference, row.Row))
                    {
                        return Refused($"Duplicate {register.ReferenceColumn} {reference} on rows {rows[reference]} and {row.Row}; " +
                            "a snapshot lists each reference once.");
                    }
                    if (register.Counts(row.Status))
                    {
                        registered.Add(reference);
                    }
                    else
                    {
                        notCounting[reference] = row.Status;
                    }
                }
            }
            catch (MalformedSnapshotException ex)
            {
                return Refused(ex.Message);
            }
            // An empty file would lapse every attestation of the register: far likelier a broken export than the truth.
            return rows.Count == 0
                ? Refused($"The file has a header but no rows; a {register.Name} snapshot lists at least one organisation.")
                : new SnapshotCheck(null, rows.Count, registered, notCounting);
        }

        private async Task<RegisterImport> RefuseAsync(string message, CancellationToken ct)
        {
            await SaveAsync(Import with { Status = RegisterImportStatus.Refused, Message = message, FinishedAt = use.Clock.GetUtcNow() }, ct);
            return Import;
        }

        /// <summary>Saves the record if no other run moved it on; false (stop) otherwise.</summary>
        private async Task<bool> SaveAsync(RegisterImport next, CancellationToken ct)
        {
            // The checkpoint is saved even when the job is being stopped: it records work already done.
            if (await use.Imports.SaveAsync(next, current.ETag, CancellationToken.None) is not { } saved)
            {
                return false;
            }
            current = saved;
            return true;
        }
    }
}
