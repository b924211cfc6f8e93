using System.Globalization;
using Marketplace.Core.Attestations;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The attestations of each supplier, indexed for scoring: which standards count on the evaluation date at organisation
/// level and per offering (ARCHITECTURE.md: verified and unexpired, organisation-level or on that offering).
/// </summary>
internal sealed class HeldStandards
{
    private static readonly SupplierAttestations None = new();
    private readonly Dictionary<string, SupplierAttestations> bySupplier = new(StringComparer.Ordinal);
    private readonly DateOnly date;

    public HeldStandards(IEnumerable<Attestation> attestations, DateOnly date)
    {
        this.date = date;
        foreach (var attestation in attestations)
        {
            if (!bySupplier.TryGetValue(attestation.SupplierId, out var supplier))
            {
                bySupplier[attestation.SupplierId] = supplier = new SupplierAttestations();
            }
            supplier.All.Add(attestation);
            if (!attestation.CountsOn(date))
            {
                continue;
            }
            Dictionary<string, Attestation> held;
            if (attestation.OfferingId is null)
            {
                held = supplier.Organisation;
            }
            else if (!supplier.Offerings.TryGetValue(attestation.OfferingId, out held!))
            {
                supplier.Offerings[attestation.OfferingId] = held = new Dictionary<string, Attestation>(StringComparer.Ordinal);
            }
            held[attestation.StandardCode] = held.TryGetValue(attestation.StandardCode, out var other) ? Better(attestation, other) : attestation;
        }
    }

    public DateOnly Date => date;

    public OfferingStandards For(string supplierId, string offeringId)
    {
        var supplier = bySupplier.GetValueOrDefault(supplierId) ?? None;
        return new OfferingStandards(supplier, offeringId, supplier.Offerings.GetValueOrDefault(offeringId));
    }

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

    internal sealed class SupplierAttestations
    {
        public List<Attestation> All { get; } = [];
        public Dictionary<string, Attestation> Organisation { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Dictionary<string, Attestation>> Offerings { get; } = new(StringComparer.Ordinal);
    }

    internal readonly struct OfferingStandards(SupplierAttestations supplier, string offeringId, Dictionary<string, Attestation>? own)
    {
        /// <summary>The attestation through which the offering holds <paramref name="code"/>, or null.</summary>
        public Attestation? Held(string code)
        {
            var organisation = supplier.Organisation.GetValueOrDefault(code);
            var mine = own?.GetValueOrDefault(code);
            return organisation is null ? mine : mine is null ? organisation : Better(organisation, mine);
        }

        /// <summary>Distinct standards held, organisation-level and the offering's own.</summary>
        public int Count
        {
            get
            {
                var count = supplier.Organisation.Count;
                if (own is not null)
                {
                    foreach (var code in own.Keys)
                    {
                        count += supplier.Organisation.ContainsKey(code) ? 0 : 1;
                    }
                }
                return count;
            }
        }

        /// <summary>Why <paramref name="code"/> does not count: the nearest miss among the supplier's attestations.</summary>
        public string WhyNot(string code, DateOnly date, Func<string?, string> associationName)
        {
            Attestation? nearest = null;
            foreach (var a in supplier.All)
            {
                if (a.StandardCode == code && (a.OfferingId is null || a.OfferingId == offeringId) && (nearest is null || Nearer(a, nearest, date)))
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
