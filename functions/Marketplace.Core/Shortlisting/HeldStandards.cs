using System.Globalization;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Standards;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// What counts for each offering on the evaluation date, by the standard's verification route (DOMAIN.md):
/// certifier and register standards through an attestation verified and unexpired, organisation-level or on that
/// offering; declaration standards also through the supplier's current declaration (a self-declaration only where the
/// requirement accepts one); buyer-assessed standards only through the specification's own commissioner's passing
/// assessment of the offering's current version, never through a supplier's attestation. A standard whose route is
/// not known (a snapshot from before routes) counts through a verified attestation only, as it did then.
/// Association memberships and endorsements are never read.
/// </summary>
internal sealed class HeldStandards
{
    private static readonly SupplierAttestations None = SupplierAttestations.Empty;
    private readonly Index index;
    private readonly Dictionary<(string OfferingId, string Code), BuyerAssessment> assessments = [];

    /// <param name="index">What counts for each supplier on the evaluation date (<see cref="PreparedCandidates.StandardsOn"/>).</param>
    /// <param name="assessments">The specification's own commissioner's assessments only.</param>
    public HeldStandards(Index index, IEnumerable<BuyerAssessment>? assessments)
    {
        this.index = index;
        foreach (var assessment in assessments ?? [])
        {
            var key = (assessment.OfferingId, assessment.StandardCode);
            this.assessments[key] = this.assessments.TryGetValue(key, out var other) && string.CompareOrdinal(other.Id, assessment.Id) < 0 ? other : assessment;
        }
    }

    /// <summary>The bit of a standard in <see cref="OfferingStandards.AttestedBits"/>, or -1 outside the vocabulary.</summary>
    public static int Bit(string code) => SlugBits.Standards.GetValueOrDefault(code, -1);

    /// <summary>A supplier's attestations indexed, built on first use (also from threads reading a shortlist's sentences).</summary>
    public SupplierAttestations Supplier(string supplierId) => index.Supplier(supplierId);

    /// <summary>The supplier in slot <paramref name="slot"/> (<see cref="PreparedCandidates.Slot"/>): see <see cref="Supplier(string)"/>.</summary>
    public SupplierAttestations Supplier(int slot) => index.Supplier(slot);

    /// <summary>
    /// What counts for each supplier on one date under one set of routes, whatever the specification: kept with the
    /// prepared candidates, so a supplier's attestations are indexed once for every shortlist of the day that reaches it.
    /// </summary>
    internal sealed class Index(PreparedCandidates candidates, DateOnly date, IReadOnlyDictionary<string, string> routes)
    {
        private readonly Dictionary<string, string> routes = routes.ToDictionary(StringComparer.Ordinal);
        private readonly SupplierAttestations?[] built = new SupplierAttestations?[candidates.SupplierCount];

        public DateOnly Date => date;

        /// <summary>Whether this index answers for <paramref name="on"/> under <paramref name="under"/>.</summary>
        public bool IsFor(DateOnly on, IReadOnlyDictionary<string, string> under) =>
            on == date && under.Count == routes.Count && under.All(r => routes.TryGetValue(r.Key, out var route) && route == r.Value);

        /// <summary>The standard's route, or null when not known (then only a verified attestation counts).</summary>
        public string? RouteOf(string code) => routes.GetValueOrDefault(code);

        public SupplierAttestations Supplier(string supplierId) => candidates.Slot(supplierId) is >= 0 and var slot ? Supplier(slot) : None;

        public SupplierAttestations Supplier(int slot)
        {
            if (Volatile.Read(ref built[slot]) is { } supplier)
            {
                return supplier;
            }
            lock (built)
            {
                if (built[slot] is null)
                {
                    var head = candidates.FirstAttestation[slot];
                    Volatile.Write(ref built[slot], head < 0 ? None : Build(head));
                }
                return built[slot]!;
            }
        }

        /// <summary>Every attestation of <paramref name="supplier"/>, any status, in input order.</summary>
        public IEnumerable<Attestation> All(SupplierAttestations supplier)
        {
            for (var i = supplier.Head; i >= 0; i = candidates.NextAttestation[i])
            {
                yield return candidates.Attestations[i];
            }
        }

        private SupplierAttestations Build(int head)
        {
            var supplier = new SupplierAttestations(head);
            for (var i = head; i >= 0; i = candidates.NextAttestation[i])
            {
                var attestation = candidates.Attestations[i];
                var route = RouteOf(attestation.StandardCode);
                if (route == VerificationRoute.BuyerAssessed)
                {
                    continue; // the buyer assesses: a supplier's own DTAC or NICE ESF claim never counts
                }
                if (route == VerificationRoute.Declaration && attestation.Status == AttestationStatus.Declared
                    && (attestation.ExpiresOn is null || attestation.ExpiresOn >= date))
                {
                    supplier.Declarations.Add(attestation);
                    supplier.DeclaresPerOffering |= attestation.OfferingId is not null || attestation.ProductRelease is not null;
                    continue;
                }
                if (!attestation.CountsOn(date))
                {
                    continue;
                }
                OwnAttestations held;
                if (attestation.OfferingId is null)
                {
                    held = supplier.Organisation;
                }
                else if (!(supplier.Offerings ??= new(StringComparer.Ordinal)).TryGetValue(attestation.OfferingId, out held!))
                {
                    supplier.Offerings[attestation.OfferingId] = held = new OwnAttestations();
                }
                held[attestation.StandardCode] = held.TryGetValue(attestation.StandardCode, out var other) ? Better(attestation, other) : attestation;
                if (Bit(attestation.StandardCode) is >= 0 and var bit)
                {
                    held.Attested |= 1UL << bit;
                }
            }
            return supplier;
        }
    }

    public DateOnly Date => index.Date;

    /// <summary>The standard's route, or null when not known (then only a verified attestation counts).</summary>
    public string? RouteOf(string code) => index.RouteOf(code);

    public OfferingStandards For(Offering offering) => For(Supplier(offering.SupplierId), offering);

    /// <summary>What counts for <paramref name="offering"/> of <paramref name="supplier"/> (its <see cref="Supplier(string)"/>).</summary>
    public OfferingStandards For(SupplierAttestations supplier, Offering offering) =>
        // Most suppliers attest at organisation level only: then the offering's id need not be looked up.
        new(this, supplier, offering, supplier.Offerings?.GetValueOrDefault(offering.Id));

    private IEnumerable<Attestation> All(SupplierAttestations supplier) => index.All(supplier);

    private BuyerAssessment? AssessmentOf(string offeringId, string code) => assessments.GetValueOrDefault((offeringId, code));

    // The attestation shown when two count: the one that lasts longer (open-ended longest), then the offering's own,
    // then the lower id, so the choice never depends on input order.
    private static Attestation Better(Attestation a, Attestation b)
    {
        var byExpiry = (a.ExpiresOn ?? DateOnly.MaxValue).CompareTo(b.ExpiresOn ?? DateOnly.MaxValue);
        if (byExpiry != 0)
        {
            return byExpiry > 0 ? a : b;
        }
        if ((a.OfferingId is null) != (b.OfferingId is null))
        {
            return a.OfferingId is not null ? a : b;
        }
        return string.CompareOrdinal(a.Id, b.Id) <= 0 ? a : b;
    }

    /// <param name="head">Its first attestation's input position (-1 for none), which chains to the others.</param>
    internal sealed class SupplierAttestations(int head)
    {
        /// <summary>A supplier with no attestations.</summary>
        public static SupplierAttestations Empty { get; } = new(-1);

        /// <summary>Its first attestation's input position, or -1.</summary>
        public int Head => head;

        /// <summary>How many standards count for its offerings that are supplier-wide; -1 until counted (an int, so written whole from any thread).</summary>
        public int Count { get; set; } = -1;

        /// <summary>Whether a current declaration names an offering or a product release, so counts differ by offering.</summary>
        public bool DeclaresPerOffering { get; set; }

        public List<Attestation> Declarations { get; } = [];
        public OwnAttestations Organisation { get; } = new();
        /// <summary>Attestations of one offering by offering id; null when it has none (most suppliers attest organisation-wide).</summary>
        public Dictionary<string, OwnAttestations>? Offerings { get; set; }
    }

    /// <summary>Verified attestations that count by standard code (organisation-level, or one offering's own), and their asked standards' bits.</summary>
    internal sealed class OwnAttestations() : Dictionary<string, Attestation>(StringComparer.Ordinal)
    {
        public ulong Attested { get; set; }
    }

    internal readonly struct OfferingStandards(HeldStandards owner, SupplierAttestations supplier, Offering offering, OwnAttestations? own)
    {
        /// <summary>
        /// The asked standards (by <see cref="Bit"/>) that a verified attestation, organisation-level or the offering's
        /// own, makes count: for those <see cref="Held"/> is never null. Others may still count by another route.
        /// </summary>
        public ulong AttestedBits => supplier.Organisation.Attested | (own?.Attested ?? 0);

        /// <summary>
        /// What makes the offering hold <paramref name="code"/>, or null: a verified attestation, a current declaration
        /// (a self-declaration only when <paramref name="acceptDeclaration"/>), or the commissioner's passing assessment.
        /// </summary>
        public Counted? Held(string code, bool acceptDeclaration)
        {
            var route = owner.RouteOf(code);
            if (route == VerificationRoute.BuyerAssessed)
            {
                return owner.AssessmentOf(offering.Id, code) is { } assessment && assessment.CountsFor(offering) ? new Counted(null, assessment) : null;
            }
            var organisation = supplier.Organisation.GetValueOrDefault(code);
            var mine = own?.GetValueOrDefault(code);
            if ((organisation is null ? mine : mine is null ? organisation : Better(organisation, mine)) is { } verified)
            {
                return new Counted(verified, null);
            }
            if (route != VerificationRoute.Declaration)
            {
                return null;
            }
            Attestation? declared = null;
            foreach (var d in supplier.Declarations)
            {
                if (d.StandardCode == code && (d.OfferingId is null || d.OfferingId == offering.Id) && DeclarationProblem(d, acceptDeclaration) is null)
                {
                    declared = declared is null ? d : Better(d, declared);
                }
            }
            return declared is null ? null : new Counted(declared, null);
        }

        /// <summary>
        /// Whether every standard counts for this offering exactly as for its supplier: nothing attested or assessed for
        /// the offering alone, and no declaration of the supplier's made per offering or per release.
        /// </summary>
        public bool SupplierWide => !ReferenceEquals(supplier, None) && own is null && owner.assessments.Count == 0 && !supplier.DeclaresPerOffering;

        /// <summary><see cref="Count"/>, worked out once per supplier for offerings that are <see cref="SupplierWide"/>.</summary>
        public int SupplierCount() => supplier.Count >= 0 ? supplier.Count : supplier.Count = Count;

        /// <summary>Distinct standards that count (declarations accepted), organisation-level, the offering's own and assessed.</summary>
        public int Count
        {
            get
            {
                // Most offerings hold only their supplier's organisation-level attestations, each of which counts.
                if (own is null && supplier.Declarations.Count == 0 && owner.assessments.Count == 0)
                {
                    return supplier.Organisation.Count;
                }
                // Without a set (scoring counts this for every eligible offering): a code is counted where it is first
                // met, organisation-level and the offering's own attestations always counting (they are verified).
                var count = supplier.Organisation.Count;
                if (own is not null)
                {
                    foreach (var code in own.Keys)
                    {
                        count += supplier.Organisation.ContainsKey(code) ? 0 : 1;
                    }
                }
                var declarations = supplier.Declarations;
                for (var i = 0; i < declarations.Count; i++)
                {
                    var code = declarations[i].StandardCode;
                    count += !Attested(code) && !DeclaredBefore(code, i) && Held(code, acceptDeclaration: true) is not null ? 1 : 0;
                }
                foreach (var (key, _) in owner.assessments)
                {
                    if (key.OfferingId == offering.Id && !Attested(key.Code) && !DeclaredBefore(key.Code, declarations.Count))
                    {
                        count += Held(key.Code, acceptDeclaration: true) is null ? 0 : 1;
                    }
                }
                return count;
            }
        }

        private bool Attested(string code) => supplier.Organisation.ContainsKey(code) || own?.ContainsKey(code) == true;

        private bool DeclaredBefore(string code, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (supplier.Declarations[i].StandardCode == code)
                {
                    return true;
                }
            }
            return false;
        }

        // Why a current declaration does not count here, or null when it does: DCB0129 is per release with a named
        // Clinical Safety Officer (DOMAIN.md); a requirement that does not accept self-declaration needs a test house.
        private string? DeclarationProblem(Attestation d, bool acceptDeclaration)
        {
            if (d.ProductRelease is { } release && offering.ProductVersion is { } current && !string.Equals(release, current, StringComparison.Ordinal))
            {
                return $"{d.StandardCode} is declared for release {release}; the product is now {current}";
            }
            if (d.StandardCode == "DCB0129" && string.IsNullOrWhiteSpace(d.ClinicalSafetyOfficer))
            {
                return $"the supplier's {d.StandardCode} declaration names no Clinical Safety Officer";
            }
            if (!acceptDeclaration && string.IsNullOrWhiteSpace(d.TestedBy))
            {
                return $"{d.StandardCode} is declared by the supplier without an independent test report, and this requirement needs one";
            }
            return null;
        }

        /// <summary>Why <paramref name="code"/> does not count, in the terms of its route.</summary>
        public string WhyNot(string code, bool acceptDeclaration, DateOnly date, Func<string?, string> associationName)
        {
            var route = owner.RouteOf(code);
            if (route == VerificationRoute.BuyerAssessed)
            {
                return owner.AssessmentOf(offering.Id, code) switch
                {
                    null => $"no {code} assessment by you of this version",
                    { } a when !string.Equals(a.ProductVersion, offering.ProductVersion, StringComparison.Ordinal) =>
                        $"no {code} assessment by you of this version (yours is of {VersionWords(a.ProductVersion)}; the offering now lists {VersionWords(offering.ProductVersion)})",
                    { Dtac: { } dtac } a => $"your {code} assessment of {VersionWords(a.ProductVersion)} failed: {string.Join("; ", dtac.Failures().Select(f => string.IsNullOrWhiteSpace(f.Notes) ? f.Area : $"{f.Area} ({f.Notes.TrimEnd('.')})"))}",
                    { NiceEsf: { } esf } a => $"your {code} assessment of {VersionWords(a.ProductVersion)} found tier {esf.Tier} evidence not met",
                    { } a => $"your {code} assessment of {VersionWords(a.ProductVersion)} did not pass",
                };
            }
            if (route == VerificationRoute.Declaration)
            {
                foreach (var d in supplier.Declarations)
                {
                    if (d.StandardCode == code && (d.OfferingId is null || d.OfferingId == offering.Id) && DeclarationProblem(d, acceptDeclaration) is { } problem)
                    {
                        return problem;
                    }
                }
            }
            return WhyNotAttested(code, date, associationName);
        }

        private static string VersionWords(string? version) => version is null ? "no stated version" : $"version {version}";

        /// <summary>The nearest miss among the supplier's attestations.</summary>
        private string WhyNotAttested(string code, DateOnly date, Func<string?, string> associationName)
        {
            Attestation? nearest = null;
            foreach (var a in owner.All(supplier))
            {
                if (a.StandardCode == code && (a.OfferingId is null || a.OfferingId == offering.Id) && (nearest is null || Nearer(a, nearest, date)))
                {
                    nearest = a;
                }
            }
            return nearest switch
            {
                null => $"no {code} attestation",
                { Status: AttestationStatus.Verified or AttestationStatus.Expired, ExpiresOn: { } expired } =>
                    $"{code} expired on {expired.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                { Status: AttestationStatus.Expired } => $"{code} has expired",
                { Status: AttestationStatus.Declared, ExpiresOn: { } lapsed } when lapsed < date =>
                    $"the supplier's {code} declaration ran out on {lapsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                { Status: AttestationStatus.Submitted } => $"{code} is submitted but not yet verified",
                { Status: AttestationStatus.Draft } => $"{code} is a draft, not yet submitted",
                { Status: AttestationStatus.Rejected } a => $"{code} was rejected by {associationName(a.DecidedBy)}{Because(a.Reason)}",
                { Status: AttestationStatus.Revoked } a => $"{code} was revoked by {associationName(a.DecidedBy)}{Because(a.Reason)}",
                { Status: AttestationStatus.Withdrawn } => $"{code} was withdrawn before a decision",
                { } a => $"{code} is {a.Status}, not verified",
            };
        }

        private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.TrimEnd('.')}";

        // Closest to counting first: lapsed validations, then pending, then refused; ties by later expiry, then id.
        private static bool Nearer(Attestation a, Attestation b, DateOnly date)
        {
            var byStatus = Closeness(a.Status).CompareTo(Closeness(b.Status));
            if (byStatus != 0)
            {
                return byStatus < 0;
            }
            var byExpiry = (a.ExpiresOn ?? DateOnly.MaxValue).CompareTo(b.ExpiresOn ?? DateOnly.MaxValue);
            return byExpiry != 0 ? byExpiry > 0 : string.CompareOrdinal(a.Id, b.Id) < 0;
        }

        private static int Closeness(string status) => status switch
        {
            AttestationStatus.Verified => 0,
            AttestationStatus.Expired => 1,
            AttestationStatus.Submitted => 2,
            AttestationStatus.Draft => 3,
            AttestationStatus.Revoked => 4,
            AttestationStatus.Rejected => 5,
            _ => 6,
        };
    }
}

/// <summary>What makes a standard count for an offering: an attestation (verified or declared) or the buyer's own assessment.</summary>
internal readonly record struct Counted(Attestation? Attestation, BuyerAssessment? Assessment);
