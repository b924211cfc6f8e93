// The scorer as it was before issue 15's numeric pass (main at 6ed8da1), kept verbatim apart from its name, its
// namespace and its per-supplier cache of standard scores (it scores each offering: the same scores, slower), as the
// oracle that proves the new scorer stores byte-identical shortlists (see SameShortlistAsBefore).
using System.Globalization;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Shortlisting.Oracle;

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
internal static class ScorerBeforeIssue15
{
    /// <summary>Scores <paramref name="specification"/> (a filled-in <paramref name="template"/>) against <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The template or specification is not valid (check them first with <see cref="TemplateRules.Validate"/> and
    /// <see cref="SpecificationRules.Validate"/>), two candidates share an offering id, or a candidate's supplier is
    /// not its offering's.
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

        var lot = input.Framework.Lots.First(l => l.Id == specification.LotId);
        var context = new Context(input, lot, specification.Region);
        var gates = requirements.Where(r => r.IsGate).ToArray();
        var criteria = requirements.Where(r => !r.IsGate).ToArray();
        var priceBasis = criteria.FirstOrDefault(c => c.Rule is PriceRule { Models: not null });
        long totalWeight = criteria.Sum(c => (long)c.Weight);

        var ids = new HashSet<string>(input.Offerings.Count, StringComparer.Ordinal);
        var eligible = new List<Eligible>();
        var exclusions = new List<Exclusion>(input.Offerings.Count);
        foreach (var (offering, supplier) in input.Offerings)
        {
            if (!ids.Add(offering.Id))
            {
                throw new ArgumentException($"Offering '{offering.Id}' is a candidate twice.", nameof(input));
            }
            if (supplier.Id != offering.SupplierId)
            {
                throw new ArgumentException($"Offering '{offering.Id}' is supplied by '{offering.SupplierId}', not '{supplier.Id}'.", nameof(input));
            }

            var held = context.Standards.For(offering);
            var reasons = Exclude(offering, gates, priceBasis, held, context);
            if (reasons is not null)
            {
                exclusions.Add(new Exclusion(offering.Id, offering.Name, supplier.Id, supplier.Name, reasons));
                continue;
            }
            eligible.Add(new Eligible(offering, supplier, held, WholeLifeCost.Of(offering.Price, specification.Volume, specification.ContractMonths)));
        }

        decimal? lowest = null;
        foreach (var candidate in eligible)
        {
            if (candidate.Cost is { } cost && (lowest is null || cost < lowest))
            {
                lowest = cost;
            }
        }

        // Numbers first, for every eligible offering; the sentences are written per entry when its criteria are read
        // (the entries kept, the ones shown), from the same scores.
        var explainer = new Explainer(criteria, context, specification, lowest, totalWeight);
        var scores = new double[eligible.Count * criteria.Length];
        var scored = new List<Scored>(eligible.Count);
        for (var k = 0; k < eligible.Count; k++)
        {
            var candidate = eligible[k];
            var offset = k * criteria.Length;
            // A standard held only at organisation level scores the same for every offering of the supplier.
            var total = 0.0;
            for (var i = 0; i < criteria.Length; i++)
            {
                var criterion = criteria[i];
                double score;
                if (criterion.Rule is PriceRule)
                {
                    score = PriceScore(candidate.Cost, lowest);
                }
                else
                {
                    score = Check(criterion.Rule, candidate.Offering, candidate.Held, context, explain: false).Score;
                }
                scores[offset + i] = score;
                total += 100.0 * criterion.Weight * score / totalWeight;
            }
            // Each sᵢ ≤ 1, so the exact total is at most 100; clamping only removes floating-point excess (≈1e-14).
            scored.Add(new Scored(candidate, Math.Clamp(total, 0.0, 100.0), candidate.Held.Count, new ExplainedCriteria(explainer, candidate, scores, offset)));
        }
        scored.Sort(Ranking);

        var entries = new ShortlistEntry[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            var s = scored[i];
            var within = specification.BudgetGbp is { } budget && s.Candidate.Cost is { } cost ? cost <= budget : (bool?)null;
            entries[i] = new ShortlistEntry(i + 1, s.Candidate.Offering.Id, s.Candidate.Offering.Name, s.Candidate.Supplier.Id, s.Candidate.Supplier.Name,
                s.Total, s.Candidate.Cost, s.VerifiedStandards, within, s.Lines);
        }
        // Candidates usually arrive in id order (tables list by key): then the exclusions are in order already.
        if (!InIdOrder(exclusions))
        {
            exclusions.Sort((a, b) => string.CompareOrdinal(a.OfferingId, b.OfferingId));
        }

        // As a scoring's exclusions, so a draft counts them as it counts the scorer's: here by reading their reasons.
        var inLot = exclusions.Select((e, i) => e.Reasons.Any(r => r.Code == ExclusionCodes.NotInLot) ? ~i : i).ToArray();
        return new Shortlist(template.Id, template.Version, lot.Id, lot.Number, input.EvaluationDate, lowest, entries,
            new Marketplace.Core.Shortlisting.Scorer.ScoredExclusions(inLot, i => exclusions[i]));
    }

    private static string Describe(IEnumerable<SpecificationError> errors) => string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));

    // Higher total, then more verified standards, then lower whole-life cost (unknown last), then offering id.
    private static int Ranking(Scored a, Scored b)
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
        var byCost = (a.Candidate.Cost, b.Candidate.Cost) switch
        {
            ({ } x, { } y) => x.CompareTo(y),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
        return byCost != 0 ? byCost : string.CompareOrdinal(a.Candidate.Offering.Id, b.Candidate.Offering.Id);
    }

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
        if (priceBasis?.Rule is PriceRule { Models: { } models } && !Has(models, offering.Price.Model))
        {
            (reasons ??= []).Add(new(ExclusionCodes.PriceBasis, priceBasis.Id, () =>
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

    private static bool InIdOrder(List<Exclusion> exclusions)
    {
        for (var i = 1; i < exclusions.Count; i++)
        {
            if (string.CompareOrdinal(exclusions[i - 1].OfferingId, exclusions[i].OfferingId) > 0)
            {
                return false;
            }
        }
        return true;
    }

    // Loops rather than LINQ: scoring asks these millions of times, and Enumerable.Contains with a comparer allocates.
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

    private static (double Score, string Explanation) Price(Eligible candidate, decimal? lowest, Specification specification)
    {
        var how = WholeLifeCost.Describe(candidate.Offering.Price, specification.Volume, specification.ContractMonths);
        if (candidate.Cost is not { } cost)
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
                if (counted is null && context.Equivalents.Any && context.Equivalents.Accepted(offering.SupplierId, offering.Id, r.Code) is { } equivalent)
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
                foreach (var condition in r.Conditions)
                {
                    covered += Has(offering.Conditions, condition) ? 1 : 0;
                }
                var score = (double)covered / r.Conditions.Count;
                if (!explain)
                {
                    return (score, null);
                }
                var yes = r.Conditions.Where(c => offering.Conditions.Contains(c, StringComparer.Ordinal)).Select(c => Vocabulary.Words(Vocabulary.Conditions, c)).ToList();
                var no = r.Conditions.Where(c => !offering.Conditions.Contains(c, StringComparer.Ordinal)).Select(c => Vocabulary.Words(Vocabulary.Conditions, c)).ToList();
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
                var supported = r.Interoperability.Where(i => offering.Interoperability.Contains(i, StringComparer.Ordinal)).Select(i => Vocabulary.Words(Vocabulary.Interoperability, i));
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

    /// <summary>s = declared ÷ asked, and each capability asked for, declared or not, in words.</summary>
    private static (double Score, string? Explanation) Declarations(IReadOnlyList<string> asked, Offering offering, bool explain, string yes, string no)
    {
        var declared = 0;
        List<string>? parts = explain ? new(asked.Count) : null;
        foreach (var capability in asked)
        {
            var declaration = DeclarationOf(offering, capability);
            declared += declaration is null ? 0 : 1;
            parts?.Add(declaration is null ? $"{no} {Vocabulary.Capability(capability)}" : Declaration(yes, Vocabulary.Capability(capability), declaration));
        }
        return ((double)declared / asked.Count, parts is null ? null : string.Join("; ", parts));
    }

    private static CapabilityDeclaration? DeclarationOf(Offering offering, string capability)
    {
        foreach (var declaration in offering.Capabilities)
        {
            if (declaration.Capability == capability)
            {
                return declaration;
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

        public Context(ScoringInput input, FrameworkLot lot, string region)
        {
            Lot = lot;
            Region = region;
            standardNames = input.StandardNames;
            Date = input.EvaluationDate;
            Admitted = new HashSet<string>(lot.Suppliers, StringComparer.Ordinal);
            NotInLot = new(ExclusionCodes.NotInLot, null, $"not in lot {lot.Number}");
            NotAdmitted = new(ExclusionCodes.SupplierNotAdmitted, null, $"supplier not admitted to lot {lot.Number}");
            // Only the specification's own commissioner's assessments count, whatever else the input carries.
            Standards = new HeldStandards(PreparedCandidates.Of([], input.Attestations).StandardsOn(input.EvaluationDate, input.Routes),
                input.CommissionerId is null ? [] : input.Assessments.Where(a => a.CommissionerId == input.CommissionerId));
            Equivalents = new EquivalentStandards(input.Attestations, input.EquivalentDecisions, input.EvaluationDate);
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

    private sealed record Eligible(Offering Offering, Organisation Supplier, HeldStandards.OfferingStandards Held, decimal? Cost);

    private sealed record Scored(Eligible Candidate, double Total, int VerifiedStandards, ExplainedCriteria Lines);

    /// <summary>What an entry's sentences are written from: shared by every entry of one scoring.</summary>
    private sealed record Explainer(ResolvedRequirement[] Criteria, Context Context, Specification Specification, decimal? Lowest, long TotalWeight);

    /// <summary>
    /// One entry's criterion lines, scored already and explained on first read (then kept): the same lines as
    /// explaining every entry up front, at the cost of only the entries anyone reads.
    /// </summary>
    private sealed class ExplainedCriteria(Explainer explainer, Eligible candidate, double[] scores, int offset) : IReadOnlyList<CriterionLine>
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
                var score = scores[offset + i];
                var explanation = criterion.Rule is PriceRule
                    ? Price(candidate, explainer.Lowest, explainer.Specification).Explanation
                    : Check(criterion.Rule, candidate.Offering, candidate.Held, explainer.Context, explain: true).Explanation;
                explained[i] = new CriterionLine(criterion.Id, criterion.Weight, score, 100.0 * criterion.Weight * score / explainer.TotalWeight, explanation!);
            }
            return explained;
        }
    }
}
