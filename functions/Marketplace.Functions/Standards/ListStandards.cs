using Marketplace.Core.Organisations;
using Marketplace.Functions.Access;
using Marketplace.Storage.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Standards;

/// <summary><c>GET /api/standards</c>: the standards register, public.</summary>
public static class ListStandards
{
    public sealed record StandardsRegister(IReadOnlyList<RegisteredStandard> Standards);

    public sealed record RegisteredStandard(
        string Code,
        string Name,
        string IssuingBody,
        string EvidenceKind,
        bool EvidenceRequired,
        int? ValidityMonths,
        IReadOnlyList<string> Scope,
        IReadOnlyList<ValidatingAssociation> ValidatingAssociations,
        string Summary);

    public sealed record ValidatingAssociation(string Id, string Name);

    public static IEndpointRouteBuilder MapStandards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/standards", HandleAsync)
            .WithName("ListStandards")
            .WithTags("Standards")
            .WithSummary("Lists the standards register: code, name, issuing body, evidence, validity in months (null = open-ended or edition-bound), " +
                "scope and the associations that validate each.")
            .AllowAnyone();
        return app;
    }

    public static async Task<Ok<StandardsRegister>> HandleAsync(CatalogueTables tables, CancellationToken ct)
    {
        var associations = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var association in tables.Organisations.ListAsync(Storage.TableFilter.Equal("Kind", OrganisationKind.Association), ct))
        {
            associations[association.Id] = association.Name;
        }
        var standards = new List<RegisteredStandard>();
        await foreach (var s in tables.Standards.ListAsync(null, ct))
        {
            standards.Add(new RegisteredStandard(s.Code, s.Name, s.IssuingBody, s.EvidenceKind, s.EvidenceRequired, s.ValidityMonths, s.Scope,
                [.. s.ValidatingAssociations.Select(a => new ValidatingAssociation(a, associations.GetValueOrDefault(a, a)))], s.Summary));
        }
        return TypedResults.Ok(new StandardsRegister([.. standards.OrderBy(s => s.Code, StringComparer.Ordinal)]));
    }
}
