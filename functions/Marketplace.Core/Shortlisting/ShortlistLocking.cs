namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Creates shortlists from a scoring and proves them: what is kept, the hash a lock stores, and the re-scoring that
/// reproduces it. Pure.
/// </summary>
public static class ShortlistLocking
{
    /// <summary>Most ranked entries a shortlist keeps.</summary>
    public const int MaxResultsLimit = 50;
    /// <summary>Default number of ranked entries.</summary>
    public const int DefaultMaxResults = 8;
    /// <summary>Most exclusions kept on a shortlist (all are counted); beyond this the record would outgrow storage.</summary>
    public const int MaxExclusionsKept = 1000;

    /// <summary>
    /// A draft shortlist from a full scoring: the top <paramref name="maxResults"/> entries, the exclusions of offerings
    /// in the lot (those not in the lot are only counted), the counts and the snapshot that reproduces the entries.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scored"/> is not a <see cref="Scorer.Score"/> result.</exception>
    public static ShortlistDocument Draft(string id, SpecificationDocument specification, KeyRequirementsTemplate template, ScoringInput input,
        Shortlist scored, int maxResults, ShortlistContext context, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, MaxResultsLimit);

        var listed = scored.Entries.Take(maxResults).ToList();
        // Counted, not built: a scoring at 100,000 offerings excludes tens of thousands, and only the first thousand are kept.
        var (inLot, kept) = Scorer.InLot(scored.Exclusions, MaxExclusionsKept);
        var notInLot = scored.Exclusions.Count - inLot;
        var equivalents = ShortlistEquivalents.Find(template, specification.ToSpecification(), input, scored, kept);
        return new ShortlistDocument
        {
            Id = id,
            SpecificationId = specification.Id,
            CommissionerId = specification.CommissionerId,
            Title = specification.Title,
            Status = ShortlistStatus.Draft,
            MaxResults = maxResults,
            CreatedAt = now,
            CreatedBy = userId,
            Context = context,
            Result = scored with { Entries = listed, Exclusions = kept },
            Counts = new ShortlistCounts(input.Offerings.Count + input.OutsideLot, notInLot + input.OutsideLot, inLot, scored.Entries.Count, listed.Count),
            Snapshot = SnapshotOf(template, specification.ToSpecification(), input, scored, maxResults, equivalents),
            Equivalents = equivalents,
        };
    }

    /// <summary>Conflict code: the shortlist is locked already.</summary>
    public const string AlreadyLocked = "shortlist-already-locked";
    /// <summary>Conflict code: nothing is listed, so there is nothing to award.</summary>
    public const string Empty = "shortlist-empty";
    /// <summary>Conflict code: re-scoring the snapshot gives other entries (the record was altered).</summary>
    public const string NotReproducible = "shortlist-not-reproducible";
    /// <summary>Conflict code: the snapshot's template version uses rules since retired, so it can no longer be re-scored.</summary>
    public const string TemplateRetired = "shortlist-template-retired";

    /// <summary>
    /// Why the snapshot can no longer be re-scored (its template version uses a rule since retired, such as
    /// feature-present), or null when it can.
    /// </summary>
    public static (string Code, string Detail)? Retired(ShortlistSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return TemplateRules.Validate(snapshot.Template) is { Count: > 0 } errors
            ? (TemplateRetired, $"This shortlist was scored on version {snapshot.Template.Version} of template '{snapshot.Template.Id}', which can no longer be " +
                $"scored ({errors[0].Message}). Create a new shortlist from a specification on the template's current version.")
            : null;
    }

    /// <summary>
    /// The shortlist locked: its hash computed, and proven by re-scoring the snapshot; or why it cannot be locked
    /// (already locked, empty, or not reproducible).
    /// </summary>
    public static (ShortlistDocument? Locked, (string Code, string Detail)? Conflict) Lock(ShortlistDocument shortlist, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        if (shortlist.Status == ShortlistStatus.Locked)
        {
            return (null, (AlreadyLocked, $"This shortlist was locked on {shortlist.Lock?.LockedAt:yyyy-MM-dd} and cannot change."));
        }
        if (shortlist.Result.Entries.Count == 0)
        {
            return (null, (Empty, "No offering is eligible, so there is nothing to lock. Change the specification (or record the outcome of a new shortlist as none suitable)."));
        }
        if (Retired(shortlist.Snapshot) is { } retired)
        {
            return (null, retired);
        }
        var hash = HashOf(shortlist.Snapshot, shortlist.Result.Entries);
        if (RescoredHashOf(shortlist.Snapshot) != hash)
        {
            return (null, (NotReproducible, "Re-scoring this shortlist's snapshot does not give its entries, so it cannot be locked. Create a new shortlist."));
        }
        return (shortlist with { Status = ShortlistStatus.Locked, Lock = new ShortlistLock(now, userId, hash) }, null);
    }

    /// <summary>The SHA-256 a lock stores: of the canonical JSON of the snapshot and the listed entries.</summary>
    public static string HashOf(ShortlistSnapshot snapshot, IReadOnlyList<ShortlistEntry> entries) =>
        CanonicalJson.Sha256(new LockedContent(snapshot, entries));

    /// <summary>Scores the snapshot again and keeps the same number of entries: equal to the shortlist's entries.</summary>
    public static IReadOnlyList<ShortlistEntry> Rescore(ShortlistSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. Scorer.Score(snapshot.Template, snapshot.Specification, InputOf(snapshot)).Entries.Take(snapshot.MaxResults)];
    }

    /// <summary>What the snapshot is scored from, with the commissioner's decisions on claimed equivalents.</summary>
    internal static ScoringInput InputOf(ShortlistSnapshot snapshot) => new()
    {
        Offerings = snapshot.Offerings,
        Attestations = snapshot.Attestations,
        Framework = snapshot.Framework,
        EvaluationDate = snapshot.EvaluationDate,
        Associations = snapshot.Associations,
        Routes = snapshot.Routes ?? new Dictionary<string, string>(),
        StandardNames = snapshot.StandardNames ?? new Dictionary<string, string>(),
        CommissionerId = snapshot.CommissionerId,
        Assessments = snapshot.Assessments ?? [],
        EquivalentDecisions = snapshot.EquivalentDecisions ?? [],
    };

    /// <summary>The hash of a re-scoring of the snapshot; equal to <see cref="HashOf"/> of the stored entries when nothing was altered.</summary>
    public static string RescoredHashOf(ShortlistSnapshot snapshot) => HashOf(snapshot, Rescore(snapshot));

    private static ShortlistSnapshot SnapshotOf(KeyRequirementsTemplate template, Specification specification, ScoringInput input, Shortlist scored, int maxResults,
        IReadOnlyList<ShortlistEquivalent> equivalents)
    {
        var kept = scored.Entries.Take(maxResults).Select(e => e.OfferingId).ToHashSet(StringComparer.Ordinal);
        // Every price score divides the lowest eligible whole-life cost, so its offering is kept even when not listed.
        if (scored.LowestWholeLifeCostGbp is { } lowest && scored.Entries.FirstOrDefault(e => e.WholeLifeCostGbp == lowest) is { } cheapest)
        {
            kept.Add(cheapest.OfferingId);
        }
        // A decision on a claim can only raise the claimants, so re-scoring them with the listed offerings gives the new
        // list exactly; unless a claimant made eligible would set a lower whole-life cost, which moves every price score
        // and so needs every eligible offering.
        var claimants = equivalents.SelectMany(e => e.Uses).Select(u => u.OfferingId).ToHashSet(StringComparer.Ordinal);
        kept.UnionWith(claimants);
        // A claimant is not eligible exactly when its claim would meet a failed gate (Find takes gate uses from exclusions,
        // criterion uses from entries): so no entry is built to tell, where a scoring at 100,000 has tens of thousands.
        var excludedClaimants = equivalents.SelectMany(e => e.Uses).Where(u => u.IsGate).Select(u => u.OfferingId).ToHashSet(StringComparer.Ordinal);
        if (scored.LowestWholeLifeCostGbp is { } least && excludedClaimants.Count > 0 && input.Offerings.Any(c => excludedClaimants.Contains(c.Offering.Id)
                && WholeLifeCost.Of(c.Offering.Price, specification.Volume, specification.ContractMonths) < least))
        {
            kept.UnionWith(scored.Entries.Select(e => e.OfferingId));
        }
        var offerings = input.Offerings.Where(c => kept.Contains(c.Offering.Id)).OrderBy(c => c.Offering.Id, StringComparer.Ordinal).ToList();
        var suppliers = offerings.Select(c => c.Supplier.Id).ToHashSet(StringComparer.Ordinal);
        return new ShortlistSnapshot
        {
            Template = template,
            Specification = specification,
            Framework = input.Framework,
            EvaluationDate = input.EvaluationDate,
            MaxResults = maxResults,
            Offerings = offerings,
            // Scoring reads a supplier's organisation-level attestations and each offering's own, never another offering's.
            Attestations = [.. input.Attestations.Where(a => suppliers.Contains(a.SupplierId) && (a.OfferingId is null || kept.Contains(a.OfferingId)))
                .OrderBy(a => a.Id, StringComparer.Ordinal)],
            Associations = [.. input.Associations.OrderBy(a => a.Id, StringComparer.Ordinal)],
            Routes = input.Routes.Count == 0 ? null : new SortedDictionary<string, string>(input.Routes.ToDictionary(), StringComparer.Ordinal),
            StandardNames = input.StandardNames.Count == 0 ? null : new SortedDictionary<string, string>(input.StandardNames.ToDictionary(), StringComparer.Ordinal),
            CommissionerId = input.CommissionerId,
            Assessments = input.CommissionerId is null ? null
                : [.. input.Assessments.Where(a => a.CommissionerId == input.CommissionerId && kept.Contains(a.OfferingId)).OrderBy(a => a.Id, StringComparer.Ordinal)],
        };
    }

    private sealed record LockedContent(ShortlistSnapshot Snapshot, IReadOnlyList<ShortlistEntry> Entries);
}
