using Marketplace.Core.Access;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Standards;

/// <summary>The standards register as the public reads it, in code order.</summary>
public sealed record StandardsRegister(IReadOnlyList<RegisteredStandard> Standards);

/// <summary>
/// One standard: what it is, the evidence it needs, how it is confirmed and by whom, how long it lasts, where and to
/// what it applies, and which associations run its validation today.
/// </summary>
public sealed record RegisteredStandard(
    string Code,
    string Name,
    string IssuingBody,
    string EvidenceKind,
    bool EvidenceRequired,
    int? ValidityMonths,
    IReadOnlyList<string> Scope,
    IReadOnlyList<ValidatingAssociation> ValidatingAssociations,
    string Summary,
    string Route,
    string ConfirmedBy,
    ValidityRule Validity,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<DevolvedEquivalent> DevolvedEquivalents);

/// <summary>An association that validates a standard, by id and name.</summary>
public sealed record ValidatingAssociation(string Id, string Name);

/// <summary>Reads the standards register (public: anyone may).</summary>
public sealed class ReadStandardsRegister(IStandards standards, IOrganisations organisations)
{
    /// <summary>Every standard, naming the associations that validate it.</summary>
    public async Task<Outcome<StandardsRegister>> RunAsync(Actor actor, CancellationToken ct)
    {
        var associations = (await organisations.ListAsync(OrganisationKind.Association, ct)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        return new StandardsRegister([.. (await standards.ListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new RegisteredStandard(s.Code, s.Name, s.IssuingBody, s.EvidenceKind, s.EvidenceRequired, s.ValidityMonths, s.Scope,
                [.. s.ValidatingAssociations.Select(a => new ValidatingAssociation(a, associations.GetValueOrDefault(a, a)))], s.Summary,
                s.Route, s.ConfirmedBy, s.Validity, s.Jurisdictions, s.DevolvedEquivalents))]);
    }
}
