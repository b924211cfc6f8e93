using System.Globalization;
using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Registers;

/// <summary>An Admin uploads a register's published CSV for one date; its import is queued at once.</summary>
public sealed class UploadRegisterSnapshot(IRegisterSnapshots snapshots, IRegisterImports imports, RegisterImportSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Stores the file as <c>{register}/{date}.csv</c> (replacing an earlier upload of that date) and queues its import.
    /// 403 for anyone but an Admin; 404 for an unknown register; 400 for a date that is not yyyy-mm-dd or is in the
    /// future; 411 without a length, 413 over the size limit, 400 when empty. The content itself is checked by the import.
    /// </summary>
    public async Task<Outcome<RegisterImport>> RunAsync(Actor actor, string registerSlug, string date, long? declaredLength, Stream content, CancellationToken ct)
    {
        if (!actor.Has(MarketplaceRole.Admin))
        {
            return Failure.Forbidden("Admins only.", "Only an Admin uploads register snapshots.");
        }
        if (PublicRegisters.BySlug(registerSlug) is not { } register)
        {
            return Failure.NotFound("register", registerSlug);
        }
        var now = clock.GetUtcNow();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var snapshotDate))
        {
            return Failure.Invalid("date", "The snapshot's date as yyyy-mm-dd (the day the register published it).");
        }
        if (snapshotDate > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Failure.Invalid("date", $"Cannot be in the future (today is {now.UtcDateTime:yyyy-MM-dd}).");
        }
        switch (declaredLength)
        {
            case null:
                return new Failure(FailureKind.LengthRequired, Problems.LengthRequired, "Content-Length is required.",
                    "Send the CSV as the request body with a Content-Length header (no chunked uploads).");
            case var n when n > settings.MaxSnapshotBytes:
                return new Failure(FailureKind.TooLarge, Problems.PayloadTooLarge, "The snapshot is too large.",
                    $"Register snapshots are at most {settings.MaxSnapshotBytes} bytes; this one is {n} bytes.")
                {
                    Extensions = new Dictionary<string, object?> { ["maxBytes"] = settings.MaxSnapshotBytes },
                };
            case <= 0:
                return Failure.Invalid("body", "The snapshot is empty; send the register's CSV file as the body.");
        }
        var file = await snapshots.SaveAsync(register, snapshotDate, content, declaredLength.Value, ct);
        return await imports.QueueAsync(Queued(register, snapshotDate, file, now), ct);
    }

    /// <summary>A fresh import of a stored file.</summary>
    public static RegisterImport Queued(PublicRegister register, DateOnly date, SnapshotFile file, DateTimeOffset now) => new()
    {
        Register = register.Slug,
        SnapshotDate = date,
        Status = RegisterImportStatus.Queued,
        BlobName = file.BlobName,
        SnapshotVersion = file.Version,
        SizeBytes = file.SizeBytes,
        QueuedAt = now,
    };
}
