using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Standards;

/// <summary>The standards register as the public reads it, in code order.</summary>
public sealed record StandardsRegister(IReadOnlyList<RegisteredStandard> Standards);

/// <summary>
/// One standard: what it is, the evidence it needs, how it is confirmed and by whom, how long it lasts, where and to
/// what it applies, and (certifier-route standards) the certification bodies accredited for it.
/// </summary>
public sealed record RegisteredStandard(
    string Code,
    string Name,
    string IssuingBody,
    string EvidenceKind,
    bool EvidenceRequired,
    int? ValidityMonths,
    IReadOnlyList<string> Scope,
    IReadOnlyList<AccreditedCertifier> Certifiers,
    string Summary,
    string Route,
    string ConfirmedBy,
    ValidityRule Validity,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<DevolvedEquivalent> DevolvedEquivalents);

/// <summary>A certification body accredited for a standard, by id and name.</summary>
public sealed record AccreditedCertifier(string Id, string Name);

/// <summary>Reads the standards register (public: anyone may).</summary>
public sealed class ReadStandardsRegister(IStandards standards, IOrganisations organisations)
{
    /// <summary>Every standard, naming the certification bodies accredited for it.</summary>
    public async Task<Outcome<StandardsRegister>> RunAsync(Actor actor, CancellationToken ct)
    {
        var certifiers = (await organisations.ListAsync(OrganisationKind.Certifier, ct)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new StandardsRegister([.. (await standards.ListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new RegisteredStandard(s.Code, s.Name, s.IssuingBody, s.EvidenceKind, s.EvidenceRequired, s.ValidityMonths, s.Scope,
                [.. certifiers.Where(c => s.Route == VerificationRoute.Certifier && c.AccreditedFor.Contains(s.Code, StringComparer.Ordinal)).Select(c => new AccreditedCertifier(c.Id, c.Name))], s.Summary,
                s.Route, s.ConfirmedBy, s.Validity, s.Jurisdictions, s.DevolvedEquivalents))]);
    }
}
