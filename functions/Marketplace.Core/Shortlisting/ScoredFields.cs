using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// The fields of a record that scoring, its explanations, the claimed equivalents and the snapshot read, the others
/// emptied: what every reader of candidates loads, so a shortlist is the same whichever store it was read from, and a
/// candidate projection keeps no more than this.
/// </summary>
public static class ScoredFields
{
    /// <summary>The offering without the words written for people (summary, description, features, outcome evidence, accessibility).</summary>
    public static Offering Of(Offering offering)
    {
        ArgumentNullException.ThrowIfNull(offering);
        return offering with { Summary = "", Description = "", Features = [], OutcomeEvidence = [], AccessibilityStatement = "" };
    }

    /// <summary>Id, kind and name (named in entries and explanations), and the company number an OCDS release names a supplier by.</summary>
    public static Organisation Of(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new Organisation { Id = organisation.Id, Kind = organisation.Kind, Name = organisation.Name, CompanyNumber = organisation.CompanyNumber };
    }

    /// <summary>
    /// What decides whether it counts and what explains it (status, dates, decider, reason, release, safety officer, test
    /// house, claimed equivalent, and a claim's evidence files, which the commissioner is shown); certificate details,
    /// register references, timestamps and endorsements are never read by scoring.
    /// </summary>
    public static Attestation Of(Attestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return attestation with
        {
            CertificateNumber = "",
            IssuedOn = default,
            SubmittedAt = null,
            DecidedAt = null,
            CertifierId = null,
            RegisterReference = null,
            Endorsements = [],
            Evidence = attestation.Equivalent is null ? [] : attestation.Evidence,
        };
    }
}
