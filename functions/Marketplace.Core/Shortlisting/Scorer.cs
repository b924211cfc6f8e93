using System.Buffers;
using System.Globalization;
using System.Numerics;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Scores a specification against candidate offerings, exactly as ARCHITECTURE.md's scoring rules say.
/// <list type="bullet">
/// <item>Eligible: the offering lists the specification's lot, its supplier is admitted to that lot, and every gate
/// passes. A retired offering is never eligible.</item>
/// <item>A standard counts by its route (see <see cref="StandardHeldRule"/>): an attestation verified and unexpired on
/// the evaluation date, organisation-level or on that offering; a current declaration where the route is declaration;
/// the specification's own commissioner's passing assessment of the current version where the buyer assesses; or a
/// claimed equivalent the commissioner accepted on this shortlist.</item>
/// <item>Points of criterion i = 100·wᵢ·sᵢ/Σw; total = the sum of the points (so the breakdown always adds up),
/// = 100 × Σ(wᵢ·sᵢ)/Σw, in [0, 100].</item>
/// <item>Price: sᵢ = lowest eligible whole-life cost / this offering's (<see cref="WholeLifeCost"/>); a free offering scores 1.
/// When the price criterion names the price models it compares, an offering priced otherwise is excluded (like for like).</item>
/// <item>Capabilities and social value are read from the offering's declarations, never from its description or features.</item>
/// <item>Ranking: higher total, then more verified standards, then lower whole-life cost, then offering id (ordinal).
/// The total ranked on is the total shown.</item>
/// </list>
/// Pure and deterministic: the same inputs in any order give an equal shortlist.
/// </summary>
public static class Scorer
{
    /// <summary>Scores <paramref name="specification"/> (a filled-in <paramref name="template"/>) against <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The template or specification is not valid (check them first with <see cref="TemplateRules.Validate"/> and
    /// <see cref="SpecificationRules.Validate"/>), two candidates share an offering id, a candidate's supplier is
    /// not its offering's, or <see cref="ScoringInput.Prepared"/> was prepared from other lists than the input's.
    /// </exception>
    public static Shortlist Score(KeyRequirementsTemplate template, Specification specification, ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(input);

        var templateErrors = TemplateRules.Validate(template);
        if (templateErrors.Count > 0)
        {
            throw new ArgumentException("The template is not valid: " + Describe(templateErrors), nameof(template));
        }
        var errors = new List<SpecificationError>();
        var requirements = SpecificationRules.Resolve(specification, template, input.Framework, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The specification is not valid: " + Describe(errors), nameof(specification));
        }

        var candidates = Prepared(input);
        var lot = input.Framework.Lots.First(l => l.Id == specification.LotId);
        var context = new Context(input, candidates, lot, specification.Region);
        var gates = Plan(requirements.Where(r => r.IsGate), context, candidates);
        var criteria = Plan(requirements.Where(r => !r.IsGate), context, candidates);
        var priceBasis = requirements.FirstOrDefault(c => !c.IsGate && c.Rule is PriceRule { Models: not null });
        var compared = priceBasis?.Rule is PriceRule { Models: { } models } ? SlugBits.Asked(SlugBits.PriceModels, models) : 0;
        long totalWeight = criteria.Sum(c => (long)c.Requirement.Weight);
        var offerings = input.Offerings;

        // Numbers first, for every offering, into arrays: no per-offering objects, no sentences. Entries and exclusions
        // become records (and sentences) only when read, so a shortlist costs the offerings it keeps, not all of them.
        // The cheapest checks come first (lot, status, price basis, admission), read from the prepared arrays, so an
        // offering record is touched only when it gets as far as the gates.
        // Input positions, and the eligible ones' costs, into pooled buffers: the shortlist keeps exact-size copies.
        // Excluded: an offering not in the lot as its complement (~k), so a draft counts those without building them.
        var listed = candidates.Listing(lot.Id);
        var admitted = new bool[candidates.SupplierCount];
        foreach (var supplierId in lot.Suppliers)
        {
            if (candidates.Slot(supplierId) is >= 0 and var admittedSlot)
            {
                admitted[admittedSlot] = true;
            }
        }
        var supplierOf = candidates.SupplierOf;
        var retired = candidates.Retired;
        var priceModel = candidates.PriceModel;
        var positions = ArrayPool<int>.Shared.Rent(offerings.Count);
        var outs = ArrayPool<int>.Shared.Rent(offerings.Count);
        var costs = ArrayPool<decimal?>.Shared.Rent(offerings.Count);
        int eligibleCount = 0, excludedCount = 0;
        decimal? lowest = null;
        var lastSlot = -1;
        var isAdmitted = false;
        var standards = HeldStandards.SupplierAttestations.Empty;
        for (var k = 0; k < offerings.Count; k++)
        {
            if ((listed[k >> 6] & (1UL << k)) == 0)
            {
                outs[excludedCount++] = ~k;
                continue;
            }
            if (retired[k] || (priceBasis is not null && (priceModel[k] < 0 || (compared & (1UL << priceModel[k])) == 0)))
            {
                outs[excludedCount++] = k;
                continue;
            }
            if (supplierOf[k] != lastSlot)
            {
                lastSlot = supplierOf[k];
                isAdmitted = admitted[lastSlot];
                standards = isAdmitted ? context.Standards.Supplier(lastSlot) : HeldStandards.SupplierAttestations.Empty;
            }
            var offering = offerings[k].Offering;
            if (!isAdmitted || !PassesGates(k, offering, gates, context.Standards.For(standards, offering), context, candidates))
            {
                outs[excludedCount++] = k;
                continue;
            }
            var cost = WholeLifeCost.Of(offering.Price, specification.Volume, specification.ContractMonths);
            if (cost is { } c && (lowest is null || c < lowest))
            {
                lowest = c;
            }
            costs[eligibleCount] = cost;
            positions[eligibleCount++] = k;
        }
        var eligible = new Scored[eligibleCount];
        for (var e = 0; e < eligible.Length; e++)
        {
            eligible[e] = new Scored(positions[e], costs[e]);
        }
        var excluded = outs.AsSpan(0, excludedCount).ToArray();
        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<int>.Shared.Return(outs);
        ArrayPool<decimal?>.Shared.Return(costs);

        var scored = eligible.AsSpan();
        // Standard scores shared by a supplier's offerings that hold nothing of their own, by supplier slot.
        var shared = new double[]?[candidates.SupplierCount];
        lastSlot = -1;
        for (var e = 0; e < scored.Length; e++)
        {
            ref var entry = ref scored[e];
            var offering = offerings[entry.Index].Offering;
            if (supplierOf[entry.Index] != lastSlot)
            {
                lastSlot = supplierOf[entry.Index];
                standards = context.Standards.Supplier(lastSlot);
            }
            var held = context.Standards.For(standards, offering);
            var sharedScores = !context.Equivalents.AnyAccepted && held.SupplierWide ? shared[lastSlot] ??= Unscored(criteria.Length) : null;
            entry.Total = Total(criteria, entry.Index, offering, held, sharedScores, entry.Cost, lowest, totalWeight, context, candidates);
            entry.VerifiedStandards = held.SupplierWide ? held.SupplierCount() : held.Count;
        }
        Rank(scored, new Ranking(offerings));
        // In id order, the exclusions are in order already.
        if (!candidates.InIdOrder)
        {
            Array.Sort(excluded, (a, b) => string.CompareOrdinal(offerings[a < 0 ? ~a : a].Offering.Id, offerings[b < 0 ? ~b : b].Offering.Id));
        }

        var explainer = new Explainer([.. criteria.Select(c => c.Requirement)], context, specification, lowest, totalWeight);
        var entries = new BuiltOnRead<ShortlistEntry>(eligible.Length, rank =>
        {
            var s = eligible[rank];
            var (offering, supplier) = offerings[s.Index];
            var within = specification.BudgetGbp is { } budget && s.Cost is { } cost ? cost <= budget : (bool?)null;
            return new ShortlistEntry(rank + 1, offering.Id, offering.Name, supplier.Id, supplier.Name, s.Total, s.Cost, s.VerifiedStandards,
                within, new ExplainedCriteria(explainer, offering, context.Standards.For(offering), s.Cost));
        });
        var gateRequirements = gates.Select(g => g.Requirement).ToArray();
        var exclusions = new ScoredExclusions(excluded, position =>
        {
            var k = excluded[position];
            var (offering, supplier) = offerings[k < 0 ? ~k : k];
            return new Exclusion(offering.Id, offering.Name, supplier.Id, supplier.Name,
                Exclude(offering, gateRequirements, priceBasis, context.Standards.For(offering), context)
                ?? throw new InvalidOperationException($"Offering '{offering.Id}' was excluded for no reason."));
        });
        return new Shortlist(template.Id, template.Version, lot.Id, lot.Number, input.EvaluationDate, lowest, entries, exclusions);
    }

    /// <summary>The input's prepared candidates, or its candidates prepared now.</summary>
    private static PreparedCandidates Prepared(ScoringInput input) => input.Prepared switch
    {
        null => PreparedCandidates.Of(input.Offerings, input.Attestations),
        { } prepared when ReferenceEquals(prepared.Offerings, input.Offerings) && ReferenceEquals(prepared.Attestations, input.Attestations) => prepared,
        _ => throw new ArgumentException("The prepared candidates are not the input's offerings and attestations.", nameof(input)),
    };

    private static double[] Unscored(int criteria)
    {
        var scores = new double[criteria];
        Array.Fill(scores, double.NaN);
        return scores;
    }

    /// <summary>100 × Σ(wᵢ·sᵢ)/Σw, summed criterion by criterion as the breakdown's points are.</summary>
    // shared: where what counts is the supplier's alone, the supplier's standard scores by criterion (NaN until
    // scored), since a standard scores the same for every such offering of the supplier; null otherwise.
    private static double Total(Planned[] criteria, int k, Offering offering, HeldStandards.OfferingStandards held, double[]? shared, decimal? cost, decimal? lowest,
        long totalWeight, Context context, PreparedCandidates candidates)
    {
        var attested = held.AttestedBits;
        var total = 0.0;
        for (var i = 0; i < criteria.Length; i++)
        {
            var criterion = criteria[i];
            double score;
            if (criterion.Requirement.Rule is PriceRule)
            {
                score = PriceScore(cost, lowest);
            }
            else if (criterion.Bit >= 0 && (attested & (1UL << criterion.Bit)) != 0)
            {
                score = 1; // a verified attestation counts whatever the route (see HeldStandards.OfferingStandards.Held)
            }
            else if (criterion.Bit >= 0 && criterion.OnlyAttested && !context.Equivalents.AnyAccepted)
            {
                score = 0;
            }
            else if (criterion.Via != Via.Check)
            {
                score = Quick(criterion, k, candidates);
            }
            else if (shared is not null && criterion.Requirement.Rule is StandardHeldRule)
            {
                score = double.IsNaN(shared[i]) ? shared[i] = Check(criterion.Requirement.Rule, offering, held, context, explain: false).Score : shared[i];
            }
            else
            {
                score = Check(criterion.Requirement.Rule, offering, held, context, explain: false).Score;
            }
            total += 100.0 * criterion.Requirement.Weight * score / totalWeight;
        }
        // Each sᵢ ≤ 1, so the exact total is at most 100; clamping only removes floating-point excess (≈1e-14).
        return Math.Clamp(total, 0.0, 100.0);
    }

    /// <summary>
    /// A requirement and, for a standard, its bit in <see cref="HeldStandards.OfferingStandards.AttestedBits"/> (-1 for
    /// none) and whether only a verified attestation can make it count (no declaration or assessment route).
    /// </summary>
    /// <remarks>
    /// A rule on the offering's own fields is scored by <see cref="Quick"/> from <paramref name="Via"/> and the prepared
    /// candidates: a test of <paramref name="Mask"/> against the offering's <paramref name="Field"/> mask, the lead time
    /// against <paramref name="Count"/> days, or a capability's <paramref name="Figures"/> against <paramref name="Count"/>;
    /// for a share, <paramref name="Count"/> is how many slugs it asks. The same numbers <see cref="Check"/> gives, which
    /// still explains them.
    /// </remarks>
    private readonly record struct Planned(ResolvedRequirement Requirement, int Bit, bool OnlyAttested,
        Via Via = Via.Check, SlugField Field = default, ulong Mask = 0, int Count = 0, long[]? Figures = null);

    private enum Via : byte
    {
        /// <summary>Through <see cref="Check"/> (standards, the care regulator).</summary>
        Check,
        /// <summary>1 when the offering has any slug of the mask.</summary>
        Any,
        /// <summary>The share of the mask's slugs the offering has.</summary>
        Share,
        /// <summary>1 when the lead time is at most Count days.</summary>
        LeadTime,
        /// <summary>1 when the offering's first declaration of the capability has a figure of at most Count.</summary>
        Within,
    }

    private static Planned[] Plan(IEnumerable<ResolvedRequirement> requirements, Context context, PreparedCandidates candidates) =>
        [.. requirements.Select(r => Plan(r, context, candidates))];

    private static Planned Plan(ResolvedRequirement requirement, Context context, PreparedCandidates candidates)
    {
        Planned Slugs(Via via, SlugField field, IReadOnlyList<string> asked) =>
            new(requirement, -1, false, via, field, SlugBits.Asked(field, asked), asked.Count);
        return requirement.Rule switch
        {
            StandardHeldRule rule => new Planned(requirement, HeldStandards.Bit(rule.Code),
                context.Standards.RouteOf(rule.Code) is not (VerificationRoute.Declaration or VerificationRoute.BuyerAssessed)),
            CategoryRule r => Slugs(Via.Any, SlugField.Category, r.Categories),
            ConditionCoveredRule r => Slugs(Via.Share, SlugField.Conditions, r.Conditions),
            InteroperabilityRule r => Slugs(Via.Any, SlugField.Interoperability, r.Interoperability),
            ConnectivityRule r => Slugs(Via.Any, SlugField.Connectivity, r.Connectivity),
            RegionServedRule { Region: { } region } => Slugs(Via.Any, SlugField.Regions, [region]),
            CapabilityDeclaredRule r => Slugs(Via.Share, SlugField.Capabilities, r.Capabilities),
            SocialValueRule r => Slugs(Via.Share, SlugField.Capabilities, r.Commitments),
            CapabilityWithinRule r => new Planned(requirement, -1, false, Via.Within, Count: r.AtMost, Figures: candidates.Figures(r.Capability)),
            LeadTimeAtMostRule r => new Planned(requirement, -1, false, Via.LeadTime, Count: r.Days),
            _ => new Planned(requirement, -1, false),
        };
    }

    /// <summary>sᵢ of a rule planned on offering <paramref name="k"/>'s own fields, as <see cref="Check"/> scores it.</summary>
    private static double Quick(in Planned criterion, int k, PreparedCandidates candidates) => criterion.Via switch
    {
        Via.Any => (candidates.Mask(k, criterion.Field) & criterion.Mask) != 0 ? 1 : 0,
        Via.Share => (double)BitOperations.PopCount(candidates.Mask(k, criterion.Field) & criterion.Mask) / criterion.Count,
        Via.LeadTime => candidates.LeadTimes[k] <= criterion.Count ? 1 : 0,
        Via.Within => criterion.Figures![k] <= criterion.Count ? 1 : 0,
        _ => throw new InvalidOperationException($"Rule '{criterion.Requirement.Rule.Type}' is checked, not planned."),
    };

    private static string Describe(IEnumerable<SpecificationError> errors) => string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));

    /// <summary>
    /// Sorts by <paramref name="ranking"/>: first by total alone, as plain numbers (no comparer call per comparison),
    /// then each run of equal totals by the whole ranking. The ranking is a total order, so the result is the same.
    /// </summary>
    private static void Rank(Span<Scored> scored, Ranking ranking)
    {
        var keys = ArrayPool<double>.Shared.Rent(scored.Length);
        var byTotal = keys.AsSpan(0, scored.Length);
        for (var i = 0; i < scored.Length; i++)
        {
            // Negated: higher totals first. Totals are never NaN (each score is a finite share), which the key sort would order otherwise.
            byTotal[i] = -scored[i].Total;
        }
        byTotal.Sort(scored);
        ArrayPool<double>.Shared.Return(keys);
        // One delegate for every run: sorting a span by an IComparer makes a delegate per call.
        Comparison<Scored> compare = ranking.Compare;
        for (int start = 0, end; start < scored.Length; start = end)
        {
            for (end = start + 1; end < scored.Length && scored[end].Total == scored[start].Total; end++)
            {
            }
            if (end - start > 1)
            {
                scored[start..end].Sort(compare);
            }
        }
    }

    // Higher total, then more verified standards, then lower whole-life cost (unknown last), then offering id.
    private sealed class Ranking(IReadOnlyList<CandidateOffering> offerings) : IComparer<Scored>
    {
        public int Compare(Scored a, Scored b)
        {
            var byTotal = b.Total.CompareTo(a.Total);
            if (byTotal != 0)
            {
                return byTotal;
            }
            var byStandards = b.VerifiedStandards.CompareTo(a.VerifiedStandards);
            if (byStandards != 0)
            {
                return byStandards;
            }
            var byCost = (a.Cost, b.Cost) switch
            {
                ({ } x, { } y) => x.CompareTo(y),
                (null, { }) => 1,
                ({ }, null) => -1,
                _ => 0,
            };
            return byCost != 0 ? byCost : string.CompareOrdinal(offerings[a.Index].Offering.Id, offerings[b.Index].Offering.Id);
        }
    }

    /// <summary>
    /// Whether every gate passes (the lot, admission, status and price basis are checked before): with those,
    /// <see cref="Exclude"/> gives null.
    /// </summary>
    private static bool PassesGates(int k, Offering offering, Planned[] gates, HeldStandards.OfferingStandards held, Context context, PreparedCandidates candidates)
    {
        for (var i = 0; i < gates.Length; i++)
        {
            var gate = gates[i];
            if (gate.Bit >= 0 && (held.AttestedBits & (1UL << gate.Bit)) != 0)
            {
                continue;
            }
            if (gate.Via != Via.Check)
            {
                if (Quick(gate, k, candidates) < 1.0)
                {
                    return false;
                }
                continue;
            }
            if (Check(gate.Requirement.Rule, offering, held, context, explain: false).Score < 1.0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The price models compared when the offering is priced under none of them; else null.</summary>
    private static IReadOnlyList<string>? PricedOtherwise(Offering offering, ResolvedRequirement? priceBasis) =>
        priceBasis?.Rule is PriceRule { Models: { } models } && !Has(models, offering.Price.Model) ? models : null;

    private static List<ExclusionReason>? Exclude(Offering offering, ResolvedRequirement[] gates, ResolvedRequirement? priceBasis,
        HeldStandards.OfferingStandards held, Context context)
    {
        List<ExclusionReason>? reasons = null;
        if (offering.Status == OfferingStatus.Retired)
        {
            (reasons ??= []).Add(RetiredReason);
        }
        if (!Has(offering.Lots, context.Lot.Id))
        {
            (reasons ??= []).Add(context.NotInLot);
        }
        if (!context.Admitted.Contains(offering.SupplierId))
        {
            (reasons ??= []).Add(context.NotAdmitted);
        }
        if (PricedOtherwise(offering, priceBasis) is { } models)
        {
            (reasons ??= []).Add(new(ExclusionCodes.PriceBasis, priceBasis!.Id, () =>
                $"priced {Vocabulary.Words(Vocabulary.PriceModels, offering.Price.Model)}; this specification compares " +
                $"{Vocabulary.Alternatives(models.Select(m => Vocabulary.Words(Vocabulary.PriceModels, m)))} prices only"));
        }
        foreach (var gate in gates)
        {
            if (Check(gate.Rule, offering, held, context, explain: false).Score < 1.0)
            {
                (reasons ??= []).Add(new(ExclusionCodes.GateFailed, gate.Id, () =>
                    $"fails \"{gate.Requirement.Text.TrimEnd('.')}\": {Check(gate.Rule, offering, held, context, explain: true).Explanation}"));
            }
        }
        return reasons;
    }

    private static double PriceScore(decimal? cost, decimal? lowest) => cost switch
    {
        null => 0.0,
        0m => 1.0,
        { } c => (double)(lowest!.Value / c),
    };

    private static readonly ExclusionReason RetiredReason = new(ExclusionCodes.Retired, null, "retired by its supplier");

    // Indexed loops rather than LINQ or foreach: scoring asks these millions of times, and Enumerable.Contains with a
    // comparer, or foreach over an IReadOnlyList, allocates.
    private static bool Has(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasAny(IReadOnlyList<string> values, IReadOnlyList<string> wanted)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            if (Has(values, wanted[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static (double Score, string Explanation) Price(Offering offering, decimal? wholeLifeCost, decimal? lowest, Specification specification)
    {
        var how = WholeLifeCost.Describe(offering.Price, specification.Volume, specification.ContractMonths);
        if (wholeLifeCost is not { } cost)
        {
            return (0.0, $"No whole-life cost ({how}), so no price marks");
        }
        var score = PriceScore(cost, lowest);
        var text = $"Whole-life cost {WholeLifeCost.Money(cost)} ({how}); lowest eligible {WholeLifeCost.Money(lowest!.Value)}";
        return (score, cost == lowest
            ? $"{text}, the lowest; score 1.00"
            : $"{text}; score {WholeLifeCost.Money(lowest.Value)} ÷ {WholeLifeCost.Money(cost)} = {score.ToString("0.00", CultureInfo.InvariantCulture)}");
    }

    /// <summary>sᵢ ∈ [0,1] of a non-price rule for one offering, and why (only when <paramref name="explain"/>).</summary>
    private static (double Score, string? Explanation) Check(RequirementRule rule, Offering offering, HeldStandards.OfferingStandards held, Context context, bool explain)
    {
        switch (rule)
        {
            case StandardHeldRule r:
            {
                var counted = held.Held(r.Code, r.AcceptDeclaration);
                if (counted is null && context.Equivalents.AnyAccepted && context.Equivalents.Accepted(offering.SupplierId, offering.Id, r.Code) is { } equivalent)
                {
                    return (1, equivalent);
                }
                if (!explain)
                {
                    return (counted is null ? 0 : 1, null);
                }
                return counted switch
                {
                    null => (0, $"Does not hold {context.Standard(r.Code)}: {context.Equivalents.WhyNot(offering.SupplierId, offering.Id, r.Code) ?? held.WhyNot(r.Code, r.AcceptDeclaration, context.Date, context.AssociationName)}"),
                    { Assessment: { } assessment } => (1, Assessed(assessment, context)),
                    { Attestation: { Status: AttestationStatus.Declared } declared } => (1, Declared(declared, context)),
                    { Attestation: { } attestation } => (1, Verified(attestation, context)),
                    _ => throw new InvalidOperationException("A counted standard names what it counts through."),
                };
            }
            case CategoryRule r:
            {
                var pass = Has(r.Categories, offering.Category);
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                var what = Vocabulary.Words(Vocabulary.Categories, offering.Category);
                return pass
                    ? (1, $"Is a {what}")
                    : (0, $"Is a {what}, not a {Vocabulary.Alternatives(r.Categories.Select(c => Vocabulary.Words(Vocabulary.Categories, c)))}");
            }
            case ConditionCoveredRule r:
            {
                var covered = 0;
                for (var i = 0; i < r.Conditions.Count; i++)
                {
                    covered += Has(offering.Conditions, r.Conditions[i]) ? 1 : 0;
                }
                var score = (double)covered / r.Conditions.Count;
                if (!explain)
                {
                    return (score, null);
                }
                var yes = Among(r.Conditions, offering.Conditions, present: true).Select(c => Vocabulary.Words(Vocabulary.Conditions, c)).ToList();
                var no = Among(r.Conditions, offering.Conditions, present: false).Select(c => Vocabulary.Words(Vocabulary.Conditions, c)).ToList();
                var text = covered == r.Conditions.Count ? $"Covers {Vocabulary.List(yes)}"
                    : covered == 0 ? $"Covers none of {Vocabulary.Alternatives(no)}"
                    : $"Covers {Vocabulary.List(yes)}; not {Vocabulary.Alternatives(no)}";
                return (score, $"{text} ({covered} of {r.Conditions.Count})");
            }
            case InteroperabilityRule r:
            {
                var pass = HasAny(offering.Interoperability, r.Interoperability);
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                var supported = Among(r.Interoperability, offering.Interoperability, present: true).Select(i => Vocabulary.Words(Vocabulary.Interoperability, i));
                return pass
                    ? (1, $"Supports {Vocabulary.List(supported)}")
                    : (0, $"Supports none of {Vocabulary.Alternatives(r.Interoperability.Select(i => Vocabulary.Words(Vocabulary.Interoperability, i)))}");
            }
            case ConnectivityRule r:
            {
                var pass = offering.Connectivity is { } c && Has(r.Connectivity, c);
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                var wanted = Vocabulary.Alternatives(r.Connectivity.Select(x => Vocabulary.Words(Vocabulary.Connectivity, x)));
                var text = offering.Connectivity is null ? $"States no connectivity; needs {wanted}"
                    : pass ? $"Connectivity is {Vocabulary.Words(Vocabulary.Connectivity, offering.Connectivity)}"
                    : $"Connectivity is {Vocabulary.Words(Vocabulary.Connectivity, offering.Connectivity)}, not {wanted}";
                return (pass ? 1 : 0, text);
            }
            case RegionServedRule r:
            {
                var region = r.Region!;
                var pass = Has(offering.Regions, region);
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                return pass
                    ? (1, $"Serves {Vocabulary.Words(Vocabulary.Regions, region)}")
                    : (0, $"Does not serve {Vocabulary.Words(Vocabulary.Regions, region)} (serves {Vocabulary.List(offering.Regions.Select(x => Vocabulary.Words(Vocabulary.Regions, x)))})");
            }
            case CapabilityDeclaredRule r:
                return Declarations(r.Capabilities, offering, explain, "Declares", "Does not declare");
            case SocialValueRule r:
                return Declarations(r.Commitments, offering, explain, "Commits to", "No commitment to");
            case CapabilityWithinRule r:
            {
                var declaration = DeclarationOf(offering, r.Capability);
                var pass = declaration?.Value <= r.AtMost;
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                var words = Vocabulary.Words(Vocabulary.Capabilities, r.Capability);
                var measure = Catalogue.Capabilities.Find(r.Capability)?.Measure ?? "";
                var asked = $"the {Figure(r.AtMost, measure)} asked for";
                return declaration switch
                {
                    null => (0, $"Does not declare {Vocabulary.Article(words)} {words}{(words.EndsWith(" time", StringComparison.Ordinal) ? "" : " time")}"),
                    { Value: null } => (0, $"{Declaration("Declares", Vocabulary.Capability(r.Capability), declaration)}, with no figure to set against {asked}"),
                    _ => (pass ? 1 : 0, $"{Declaration("Declares", Vocabulary.Capability(r.Capability), declaration)}, {(pass ? "within" : "more than")} {asked}"),
                };
            }
            case CareRegulatorRule:
            {
                if (Vocabulary.EnglandRegions.Contains(context.Region))
                {
                    return Check(Cqc, offering, held, context, explain);
                }
                // Only CQC is a register this marketplace reads: elsewhere the regulator is named and the check left to the buyer.
                var regulator = context.Region switch
                {
                    "scotland" => "the Care Inspectorate or Healthcare Improvement Scotland",
                    "wales" => "Care Inspectorate Wales or Healthcare Inspectorate Wales",
                    "northern-ireland" => "the Regulation and Quality Improvement Authority (RQIA)",
                    _ => $"the care regulator for {Vocabulary.Words(Vocabulary.Regions, context.Region)}",
                };
                return (1, explain ? $"Registration with {regulator} is not checked by this marketplace: check it before award" : null);
            }
            case LeadTimeAtMostRule r:
            {
                var pass = offering.LeadTimeDays <= r.Days;
                if (!explain)
                {
                    return (pass ? 1 : 0, null);
                }
                return (pass ? 1 : 0, $"Lead time {Days(offering.LeadTimeDays)}, {(pass ? "within" : "more than")} {Days(r.Days)}");
            }
            default:
                throw new InvalidOperationException($"Rule '{rule.Type}' is not checked per offering.");
        }
    }

    private static readonly StandardHeldRule Cqc = new("CQC");

    // Not a lambda in Check: one capturing Check's parameters would be allocated on every call, sentence or not.
    private static IEnumerable<string> Among(IReadOnlyList<string> asked, IReadOnlyList<string> values, bool present) =>
        asked.Where(a => values.Contains(a, StringComparer.Ordinal) == present);

    /// <summary>s = declared ÷ asked, and each capability asked for, declared or not, in words.</summary>
    private static (double Score, string? Explanation) Declarations(IReadOnlyList<string> asked, Offering offering, bool explain, string yes, string no)
    {
        var declared = 0;
        List<string>? parts = explain ? new(asked.Count) : null;
        for (var i = 0; i < asked.Count; i++)
        {
            var capability = asked[i];
            var declaration = DeclarationOf(offering, capability);
            declared += declaration is null ? 0 : 1;
            parts?.Add(declaration is null ? $"{no} {Vocabulary.Capability(capability)}" : Declaration(yes, Vocabulary.Capability(capability), declaration));
        }
        return ((double)declared / asked.Count, parts is null ? null : string.Join("; ", parts));
    }

    private static CapabilityDeclaration? DeclarationOf(Offering offering, string capability)
    {
        var declarations = offering.Capabilities;
        for (var i = 0; i < declarations.Count; i++)
        {
            if (declarations[i].Capability == capability)
            {
                return declarations[i];
            }
        }
        return null;
    }

    // Declares a responder on site within 45 minutes: "…" (declared 2026-10-02), evidence file attached
    private static string Declaration(string verb, string what, CapabilityDeclaration declaration)
    {
        var measure = Catalogue.Capabilities.Find(declaration.Capability)?.Measure;
        var figure = declaration.Value is { } value && measure is not null ? $" within {Figure(value, measure)}" : "";
        var on = declaration.DeclaredOn is { } day ? $" (declared {Date(day)})" : "";
        var evidence = declaration.Evidence is null ? "" : ", evidence file attached";
        return $"{verb} {what}{figure}: \"{declaration.Statement}\"{on}{evidence}";
    }

    // "45 minutes", "1 working hour".
    private static string Figure(int value, string measure) =>
        value.ToString("#,##0", CultureInfo.InvariantCulture) + " " + (value == 1 && measure.EndsWith('s') ? measure[..^1] : measure);

    private static string Verified(Attestation attestation, Context context)
    {
        var scope = attestation.OfferingId is null ? "" : " for this offering";
        var by = attestation.DecidedBy is null ? "verified" : $"verified by {context.AssociationName(attestation.DecidedBy)}";
        var until = attestation.ExpiresOn is { } expires ? $"expires {Date(expires)}" : "no expiry date";
        return $"Holds {context.Standard(attestation.StandardCode)}{scope}, {by}, {until}";
    }

    private static string Declared(Attestation declaration, Context context)
    {
        var scope = declaration.OfferingId is null ? "" : " for this offering";
        var officer = string.IsNullOrWhiteSpace(declaration.ClinicalSafetyOfficer) ? "" : $" (CSO: {declaration.ClinicalSafetyOfficer})";
        var release = declaration.ProductRelease is null ? "" : $", release {declaration.ProductRelease}";
        var tested = string.IsNullOrWhiteSpace(declaration.TestedBy) ? "" : $", tested by {declaration.TestedBy}";
        var until = declaration.ExpiresOn is { } expires ? $", until {Date(expires)}" : "";
        return $"{context.Standard(declaration.StandardCode)} declared by the supplier{scope}{officer}{release}{tested}{until}";
    }

    private static string Assessed(BuyerAssessment assessment, Context context)
    {
        var version = assessment.ProductVersion is null ? "" : $" of version {assessment.ProductVersion}";
        var tier = assessment.NiceEsf is { } esf ? $"tier {esf.Tier} met, " : "";
        return $"Your assessment{version} against {context.Standard(assessment.StandardCode)}: {tier}passed {Date(DateOnly.FromDateTime(assessment.AssessedAt.UtcDateTime))}";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    private sealed class Context
    {
        private readonly Dictionary<string, string> associations = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, string> standardNames;
        private readonly Dictionary<string, string> standards = new(StringComparer.Ordinal);

        public Context(ScoringInput input, PreparedCandidates candidates, FrameworkLot lot, string region)
        {
            Lot = lot;
            Region = region;
            standardNames = input.StandardNames;
            Date = input.EvaluationDate;
            Admitted = new HashSet<string>(lot.Suppliers, StringComparer.Ordinal);
            NotInLot = new(ExclusionCodes.NotInLot, null, $"not in lot {lot.Number}");
            NotAdmitted = new(ExclusionCodes.SupplierNotAdmitted, null, $"supplier not admitted to lot {lot.Number}");
            // Only the specification's own commissioner's assessments count, whatever else the input carries.
            Standards = new HeldStandards(candidates.StandardsOn(input.EvaluationDate, input.Routes),
                input.CommissionerId is null ? [] : input.Assessments.Where(a => a.CommissionerId == input.CommissionerId));
            // Only claims are read: an attestation claiming no equivalent never counts as one.
            Equivalents = new EquivalentStandards(candidates.Claims, input.EquivalentDecisions, input.EvaluationDate);
            foreach (var association in input.Associations)
            {
                associations.TryAdd(association.Id, association.Name);
            }
            // A register import decides as the register itself (decidedBy "dspt", "cqc", …).
            AssociationName = id => id is null ? "its certifier" : associations.GetValueOrDefault(id) ?? Registers.PublicRegisters.BySlug(id)?.Name ?? id;
        }

        public FrameworkLot Lot { get; }
        /// <summary>The specification's region: which nation's care regulator applies.</summary>
        public string Region { get; }
        public DateOnly Date { get; }
        public HashSet<string> Admitted { get; }
        // Reasons are immutable, so the ones that read the same for every offering are shared.
        public ExclusionReason NotInLot { get; }
        public ExclusionReason NotAdmitted { get; }
        public HeldStandards Standards { get; }
        public EquivalentStandards Equivalents { get; }
        public Func<string?, string> AssociationName { get; }

        /// <summary>A standard in words, e.g. "the Data Security and Protection Toolkit (DSPT)"; its code when its name is not known.</summary>
        public string Standard(string code)
        {
            // Sentences are written lazily, by whoever reads a shortlist, so the cache may be filled from two threads.
            lock (standards)
            {
                if (!standards.TryGetValue(code, out var words))
                {
                    standards[code] = words = StandardWords(code, standardNames.GetValueOrDefault(code));
                }
                return words;
            }
        }

        private static string StandardWords(string code, string? name)
        {
            if (string.IsNullOrWhiteSpace(name) || name == code)
            {
                return code;
            }
            // Schemes named as a body of rules read with "the" ("holds the Quality Standards Framework"); the others,
            // named after a mark or a document ("holds Cyber Essentials", "holds ISO/IEC 27001:2022 …"), without.
            var the = name.EndsWith("Framework", StringComparison.Ordinal) || name.EndsWith("Toolkit", StringComparison.Ordinal)
                || name.EndsWith("Criteria", StringComparison.Ordinal) ? "the " : "";
            return name.Contains(code, StringComparison.Ordinal) ? the + name : $"{the}{name} ({code})";
        }
    }

    /// <summary>An eligible offering: its place in the input, what it holds and its whole-life cost.</summary>
    /// <summary>
    /// An eligible offering's numbers: its place in the input, whole-life cost, total and verified standards. No
    /// references, so a list of 100,000 is copied and collected as plain memory.
    /// </summary>
    private struct Scored(int index, decimal? cost)
    {
        public readonly int Index = index;
        public readonly decimal? Cost = cost;
        public double Total;
        public int VerifiedStandards;
    }

    /// <summary>What an entry's sentences are written from: shared by every entry of one scoring.</summary>
    private sealed record Explainer(ResolvedRequirement[] Criteria, Context Context, Specification Specification, decimal? Lowest, long TotalWeight);

    /// <summary>
    /// How many of a scoring's <paramref name="exclusions"/> are of offerings in the lot, and the first
    /// <paramref name="keep"/> of those: from the scoring's flags, without building the others.
    /// </summary>
    /// <exception cref="ArgumentException">The exclusions are not a scoring's (<see cref="Score"/>).</exception>
    internal static (int InLot, List<Exclusion> Kept) InLot(IReadOnlyList<Exclusion> exclusions, int keep)
    {
        if (exclusions is not ScoredExclusions scored)
        {
            throw new ArgumentException("Only a scoring's exclusions know which are in the lot without being built.", nameof(exclusions));
        }
        var count = 0;
        var kept = new List<Exclusion>(Math.Min(keep, exclusions.Count));
        for (var i = 0; i < scored.Count; i++)
        {
            if (scored.InLot(i) && count++ < keep)
            {
                kept.Add(scored[i]);
            }
        }
        return (count, kept);
    }

    /// <summary>
    /// A scoring's exclusions, built on read, knowing which are in the lot without building them: a position in
    /// <paramref name="excluded"/> holds a number ≥ 0 for an offering listing the lot, its complement otherwise.
    /// </summary>
    internal sealed class ScoredExclusions(int[] excluded, Func<int, Exclusion> build) : IReadOnlyList<Exclusion>
    {
        private readonly BuiltOnRead<Exclusion> built = new(excluded.Length, build);

        public int Count => built.Count;

        public Exclusion this[int index] => built[index];

        /// <summary>Whether the offering lists the lot (its exclusion has no <see cref="ExclusionCodes.NotInLot"/> reason).</summary>
        public bool InLot(int index) => excluded[index] >= 0;

        public IEnumerator<Exclusion> GetEnumerator() => built.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// A list whose items are built on first read, then kept: a shortlist places every candidate, but only those read
    /// (the entries listed, the exclusions stored) cost their records.
    /// </summary>
    private sealed class BuiltOnRead<T>(int count, Func<int, T> build) : IReadOnlyList<T> where T : class
    {
        private T?[]? items;

        public int Count => count;

        public T this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                if (items is null)
                {
                    Interlocked.CompareExchange(ref items, new T?[count], null);
                }
                // Two threads reading at once may both build an item: equal records, and either is kept.
                return items![index] ??= build(index);
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// One entry's criterion lines, scored and explained on first read (then kept): the same lines as explaining every
    /// entry up front, at the cost of only the entries anyone reads.
    /// </summary>
    private sealed class ExplainedCriteria(Explainer explainer, Offering offering, HeldStandards.OfferingStandards held, decimal? cost) : IReadOnlyList<CriterionLine>
    {
        private CriterionLine[]? lines;

        public int Count => explainer.Criteria.Length;

        public CriterionLine this[int index] => Lines()[index];

        public IEnumerator<CriterionLine> GetEnumerator() => ((IEnumerable<CriterionLine>)Lines()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private CriterionLine[] Lines()
        {
            // Two threads reading at once may both explain it: the same lines, and either is kept.
            return lines ??= Explain();
        }

        private CriterionLine[] Explain()
        {
            var criteria = explainer.Criteria;
            var explained = new CriterionLine[criteria.Length];
            for (var i = 0; i < criteria.Length; i++)
            {
                var criterion = criteria[i];
                // Each rule scores the same whether or not it explains, so these are the scores the total summed.
                var (score, explanation) = criterion.Rule is PriceRule
                    ? Price(offering, cost, explainer.Lowest, explainer.Specification)
                    : Check(criterion.Rule, offering, held, explainer.Context, explain: true);
                explained[i] = new CriterionLine(criterion.Id, criterion.Weight, score, 100.0 * criterion.Weight * score / explainer.TotalWeight, explanation!);
            }
            return explained;
        }
    }
}
