using System.Globalization;
using Marketplace.Core.Attestations;

namespace Marketplace.Core.Shortlisting;

/// <summary>Where a claimed equivalent stands on one shortlist.</summary>
public static class EquivalentStatus
{
    /// <summary>Shown as "claimed equivalent — your decision"; it does not count.</summary>
    public const string Pending = "pending";
    /// <summary>The commissioner accepted it: the standard counts through the claim, on this shortlist only.</summary>
    public const string Accepted = "accepted";
    /// <summary>The commissioner rejected it: the standard stays not met.</summary>
    public const string Rejected = "rejected";
}

/// <summary>A commissioner's decision on one claimed equivalent, for one shortlist (kept in its snapshot and scored from it).</summary>
/// <param name="AttestationId">The claim (an attestation with <see cref="Attestation.Equivalent"/> set).</param>
/// <param name="Status"><see cref="EquivalentStatus.Accepted"/> or <see cref="EquivalentStatus.Rejected"/>.</param>
/// <param name="Reason">Why, in the commissioner's words (1–1000 characters).</param>
/// <param name="DecidedAt">When (UTC).</param>
/// <param name="DecidedBy">User id of who decided.</param>
public sealed record EquivalentDecision(string AttestationId, string Status, string Reason, DateTimeOffset DecidedAt, string DecidedBy);

/// <summary>Where a claim would change the shortlist: a failed gate or a standard criterion scored 0 for one offering.</summary>
/// <param name="OfferingId">Offering id.</param>
/// <param name="OfferingName">Offering name.</param>
/// <param name="RequirementId">The gate or criterion that asks for the standard.</param>
/// <param name="IsGate">True for a mandatory gate, false for a weighted criterion.</param>
public sealed record EquivalentUse(string OfferingId, string OfferingName, string RequirementId, bool IsGate);

/// <summary>
/// A supplier's claimed equivalent as one shortlist shows it (Procurement Act 2023 s.56): the standard asked for, what
/// is held instead, the evidence, where it would count, and the owning commissioner's decision once made.
/// </summary>
/// <param name="AttestationId">The claim's attestation id.</param>
/// <param name="SupplierId">Supplier id.</param>
/// <param name="SupplierName">Supplier name.</param>
/// <param name="StandardCode">The standard asked for.</param>
/// <param name="OfferingId">The offering the claim is about; null for an organisation-level claim.</param>
/// <param name="Claim">What is held instead, who issued it and why it meets the same need.</param>
/// <param name="Evidence">The claim's evidence files (read through <c>GET /api/attestations/{id}/evidence/{fileName}</c>).</param>
/// <param name="Uses">Every gate or criterion, per offering, that the claim would meet.</param>
/// <param name="Status">One of <see cref="EquivalentStatus"/>.</param>
/// <param name="Decision">The decision; null while pending.</param>
public sealed record ShortlistEquivalent(
    string AttestationId,
    string SupplierId,
    string SupplierName,
    string StandardCode,
    string? OfferingId,
    EquivalentClaim Claim,
    IReadOnlyList<EvidenceFile> Evidence,
    IReadOnlyList<EquivalentUse> Uses,
    string Status,
    EquivalentDecision? Decision);

/// <summary>
/// Claimed equivalents on shortlists: which claims a scoring leaves for the commissioner to decide, and a decision
/// applied by re-scoring the snapshot with it. Pure.
/// </summary>
public static class ShortlistEquivalents
{
    /// <summary>Longest decision reason kept.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// The claims that would change <paramref name="scored"/>: a submitted equivalent claim of an offering's supplier
    /// (organisation-level or on that offering) for a standard that a failed gate of a kept exclusion, or a standard
    /// criterion scored 0 of an eligible offering, asks for. By attestation id, with the decisions the input holds.
    /// <paramref name="keptExclusions"/> are the exclusions the shortlist keeps, in the scoring's order: the others are
    /// never built (at 100,000 offerings a scoring excludes tens of thousands).
    /// </summary>
    public static IReadOnlyList<ShortlistEquivalent> Find(KeyRequirementsTemplate template, Specification specification, ScoringInput input,
        Shortlist scored, IReadOnlyList<Exclusion> keptExclusions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scored);
        var requirements = SpecificationRules.Resolve(specification, template, input.Framework, []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var claims = new EquivalentStandards(input.Attestations, input.EquivalentDecisions, input.EvaluationDate);
        if (!claims.Any)
        {
            return []; // nothing to find: and reading every entry's criteria would explain all of them
        }
        // Only a claimant's offerings can have a claim to use (Claims finds none for another supplier).
        var offerings = input.Offerings.Where(c => claims.AnyOf(c.Offering.SupplierId)).ToDictionary(c => c.Offering.Id, StringComparer.Ordinal);
        var uses = new Dictionary<string, (Attestation Claim, string SupplierName, List<EquivalentUse> Uses)>(StringComparer.Ordinal);

        void Add(string offeringId, string offeringName, string requirementId)
        {
            // The care regulator in England is CQC, counted as a standard (see Scorer).
            var code = requirements.GetValueOrDefault(requirementId)?.Rule switch
            {
                StandardHeldRule rule => rule.Code,
                CareRegulatorRule when Vocabulary.EnglandRegions.Contains(specification.Region) => "CQC",
                _ => null,
            };
            if (code is null || !offerings.TryGetValue(offeringId, out var candidate))
            {
                return;
            }
            var requirement = requirements[requirementId];
            foreach (var claim in claims.Claims(candidate.Offering.SupplierId, offeringId, code))
            {
                if (!uses.TryGetValue(claim.Id, out var found))
                {
                    uses[claim.Id] = found = (claim, candidate.Supplier.Name, []);
                }
                found.Uses.Add(new EquivalentUse(offeringId, offeringName, requirementId, requirement.IsGate));
            }
        }

        foreach (var exclusion in keptExclusions)
        {
            foreach (var reason in exclusion.Reasons.Where(r => r.Code == ExclusionCodes.GateFailed && r.RequirementId is not null))
            {
                Add(exclusion.OfferingId, exclusion.OfferingName, reason.RequirementId!);
            }
        }
        foreach (var entry in scored.Entries)
        {
            // Only a supplier with a claim can have one to use: the others' criteria are not explained to find none.
            if (!claims.AnyOf(entry.SupplierId))
            {
                continue;
            }
            foreach (var line in entry.Criteria.Where(l => l.Score == 0))
            {
                Add(entry.OfferingId, entry.OfferingName, line.RequirementId);
            }
        }
        var decided = input.EquivalentDecisions.ToDictionary(d => d.AttestationId, StringComparer.Ordinal);
        return [.. uses.Values.OrderBy(u => u.Claim.Id, StringComparer.Ordinal).Select(u =>
        {
            var decision = decided.GetValueOrDefault(u.Claim.Id);
            return new ShortlistEquivalent(u.Claim.Id, u.Claim.SupplierId, u.SupplierName, u.Claim.StandardCode, u.Claim.OfferingId, u.Claim.Equivalent!,
                u.Claim.Evidence, u.Uses, decision?.Status ?? EquivalentStatus.Pending, decision);
        })];
    }

    /// <summary>Conflict code: decisions on claimed equivalents are made before locking.</summary>
    public const string Locked = "shortlist-locked";

    /// <summary>
    /// The shortlist with the owning commissioner's decision on one pending claim: recorded in the snapshot, and the
    /// entries, exclusions and counts re-scored with it. Null with why when it cannot be decided (locked: a conflict;
    /// not pending on this shortlist: not found; no reason: invalid).
    /// </summary>
    public static (ShortlistDocument? Decided, EquivalentRefusal? Refusal) Decide(ShortlistDocument shortlist, string attestationId, bool accept,
        string? reason, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        if (shortlist.Status == ShortlistStatus.Locked)
        {
            return (null, new EquivalentRefusal(EquivalentRefusalKind.Locked,
                $"This shortlist was locked on {shortlist.Lock?.LockedAt:yyyy-MM-dd}; claimed equivalents are decided before locking."));
        }
        if (ShortlistLocking.Retired(shortlist.Snapshot) is { } retired)
        {
            return (null, new EquivalentRefusal(EquivalentRefusalKind.TemplateRetired, retired.Detail));
        }
        var index = shortlist.Equivalents.ToList().FindIndex(e => e.AttestationId == attestationId);
        if (index < 0 || shortlist.Equivalents[index].Status != EquivalentStatus.Pending)
        {
            return (null, new EquivalentRefusal(EquivalentRefusalKind.NotPending,
                index < 0 ? $"{attestationId} is not a claimed equivalent on this shortlist." : $"{attestationId} was already {shortlist.Equivalents[index].Status} on this shortlist."));
        }
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > MaxReasonLength || why.Any(c => char.IsControl(c) && c is not ('\n' or '\r')))
        {
            return (null, new EquivalentRefusal(EquivalentRefusalKind.InvalidReason,
                string.IsNullOrEmpty(why) ? "Say why you accept or reject the claimed equivalent." : $"At most {MaxReasonLength} characters, without control characters."));
        }
        var decision = new EquivalentDecision(attestationId, accept ? EquivalentStatus.Accepted : EquivalentStatus.Rejected, why, now, userId);
        var snapshot = shortlist.Snapshot with
        {
            EquivalentDecisions = [.. (shortlist.Snapshot.EquivalentDecisions ?? []).Append(decision).OrderBy(d => d.AttestationId, StringComparer.Ordinal)],
        };
        var rescored = Scorer.Score(snapshot.Template, snapshot.Specification, ShortlistLocking.InputOf(snapshot));
        var byId = rescored.Exclusions.ToDictionary(e => e.OfferingId, StringComparer.Ordinal);
        var eligible = rescored.Entries.Select(e => e.OfferingId).ToHashSet(StringComparer.Ordinal);
        // Offerings outside the snapshot cannot be affected by a decision (see ShortlistLocking.Draft), so they keep their reasons.
        var exclusions = shortlist.Result.Exclusions.Where(e => !eligible.Contains(e.OfferingId)).Select(e => byId.GetValueOrDefault(e.OfferingId) ?? e).ToList();
        var nowEligible = shortlist.Result.Exclusions.Count - exclusions.Count;
        var entries = rescored.Entries.Take(shortlist.MaxResults).ToList();
        var equivalents = shortlist.Equivalents.ToList();
        equivalents[index] = equivalents[index] with { Status = decision.Status, Decision = decision };
        return (shortlist with
        {
            Snapshot = snapshot,
            Equivalents = equivalents,
            Result = shortlist.Result with { LowestWholeLifeCostGbp = rescored.LowestWholeLifeCostGbp, Entries = entries, Exclusions = exclusions },
            Counts = shortlist.Counts with
            {
                Excluded = shortlist.Counts.Excluded - nowEligible,
                Eligible = shortlist.Counts.Eligible + nowEligible,
                Listed = entries.Count,
            },
        }, null);
    }

    /// <summary>The explanation a standard gets when it counts through an accepted claim.</summary>
    internal static string AcceptedText(EquivalentClaim claim, EquivalentDecision decision) =>
        $"Accepted equivalent: {claim.Name} (your decision on {decision.DecidedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {decision.Reason.TrimEnd('.')})";
}

/// <summary>Why a decision on a claimed equivalent is refused.</summary>
public enum EquivalentRefusalKind
{
    /// <summary>The shortlist is locked (409).</summary>
    Locked,
    /// <summary>The claim is not pending on this shortlist (404).</summary>
    NotPending,
    /// <summary>The reason is missing or too long (400, field <c>reason</c>).</summary>
    InvalidReason,
    /// <summary>The shortlist's template version uses rules since retired, so it cannot be re-scored (409).</summary>
    TemplateRetired,
}

/// <summary>A refused decision: its kind and a message for people.</summary>
public sealed record EquivalentRefusal(EquivalentRefusalKind Kind, string Message);

/// <summary>
/// The submitted equivalent claims of each supplier and the commissioner's decisions on them, indexed for scoring: a
/// standard counts through an accepted claim (organisation-level or on that offering) that has not expired.
/// </summary>
internal sealed class EquivalentStandards
{
    private readonly Dictionary<(string Supplier, string Code), List<Attestation>> claims = [];
    private readonly Dictionary<string, EquivalentDecision> decisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> claimants = new(StringComparer.Ordinal);

    public EquivalentStandards(IEnumerable<Attestation> attestations, IEnumerable<EquivalentDecision> decided, DateOnly date)
    {
        foreach (var a in attestations)
        {
            if (a is { Equivalent: not null, Status: AttestationStatus.Submitted } && (a.ExpiresOn is null || a.ExpiresOn >= date))
            {
                if (!claims.TryGetValue((a.SupplierId, a.StandardCode), out var list))
                {
                    claims[(a.SupplierId, a.StandardCode)] = list = [];
                }
                list.Add(a);
                claimants.Add(a.SupplierId);
            }
        }
        foreach (var list in claims.Values)
        {
            list.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        }
        foreach (var decision in decided)
        {
            decisions[decision.AttestationId] = decision;
        }
        AnyAccepted = claims.Count > 0 && decisions.Values.Any(d => d.Status == EquivalentStatus.Accepted);
    }

    /// <summary>Whether the supplier has a submitted claim.</summary>
    public bool AnyOf(string supplierId) => claimants.Contains(supplierId);

    /// <summary>Whether any supplier has a submitted claim: with none, no lookup can find one (scoring skips them).</summary>
    public bool Any => claims.Count > 0;

    /// <summary>Whether the commissioner accepted any claim: with none, no standard counts through one (scoring skips the lookups).</summary>
    public bool AnyAccepted { get; }

    /// <summary>The supplier's claims for <paramref name="code"/> that apply to the offering, lowest id first.</summary>
    public IEnumerable<Attestation> Claims(string supplierId, string offeringId, string code) =>
        claims.Count > 0 && claims.TryGetValue((supplierId, code), out var list) ? list.Where(a => a.OfferingId is null || a.OfferingId == offeringId) : [];

    /// <summary>Why the standard counts through an accepted claim; null when none is accepted.</summary>
    public string? Accepted(string supplierId, string offeringId, string code)
    {
        foreach (var claim in Claims(supplierId, offeringId, code))
        {
            if (decisions.GetValueOrDefault(claim.Id) is { Status: EquivalentStatus.Accepted } decision)
            {
                return ShortlistEquivalents.AcceptedText(claim.Equivalent!, decision);
            }
        }
        return null;
    }

    /// <summary>Why a claim does not count yet (pending first, then rejected); null when there is no claim.</summary>
    public string? WhyNot(string supplierId, string offeringId, string code)
    {
        string? rejected = null;
        foreach (var claim in Claims(supplierId, offeringId, code))
        {
            switch (decisions.GetValueOrDefault(claim.Id))
            {
                case null:
                    return $"claimed equivalent — your decision: {claim.Equivalent!.Name}, issued by {claim.Equivalent.IssuedBy}";
                case { Status: EquivalentStatus.Rejected } decision:
                    rejected ??= $"claimed equivalent rejected by you: {decision.Reason.TrimEnd('.')}";
                    break;
            }
        }
        return rejected;
    }
}
