using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Core.CallOffs;

namespace Marketplace.Core.Shortlisting;

/// <summary>Who publishes the OCDS data and how its identifiers are formed.</summary>
/// <param name="OcidPrefix">The publisher's registered OCID prefix, e.g. <c>ocds-a1b2c3</c>; every ocid starts with it.</param>
/// <param name="PublisherName">The publisher's name.</param>
/// <param name="BaseUri">Where the marketplace is served, e.g. <c>https://marketplace.example</c>; package and publisher URIs start with it.</param>
public sealed record OcdsPublisher(string OcidPrefix, string PublisherName, Uri BaseUri);

/// <summary>
/// A shortlist as an Open Contracting Data Standard 1.1 release package: one release whose parties are the commissioner
/// (buyer) and, once awarded, the supplier, a tender with rated award criteria, the award when there is one, and the
/// framework as a related process. Catalogue listings ranked on a shortlist were never tendered: they are neither
/// tenderers nor bids (a further competition's responses are, in its own notices). Pure.
/// </summary>
public static class OcdsReleasePackage
{
    /// <summary>The ocid of a shortlist's contracting process.</summary>
    public static string OcidOf(OcdsPublisher publisher, string shortlistId) => $"{publisher.OcidPrefix}-{shortlistId}";

    /// <summary>The release package for <paramref name="shortlist"/>, published at <paramref name="publishedAt"/>.</summary>
    public static JsonObject Build(ShortlistDocument shortlist, OcdsPublisher publisher, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        ArgumentNullException.ThrowIfNull(publisher);
        var spec = shortlist.Snapshot.Specification;
        var result = shortlist.Result;
        var outcome = shortlist.Outcome;
        var buyer = Reference(shortlist.CommissionerId, shortlist.Context.CommissionerName);
        var (tag, tenderStatus, releaseDate, state) = outcome?.Result switch
        {
            CallOffResult.Awarded => ("award", "complete", outcome.RecordedAt, "awarded"),
            CallOffResult.Cancelled => ("tenderCancellation", "cancelled", outcome.RecordedAt, "cancelled"),
            CallOffResult.NoneSuitable => ("tenderUpdate", "unsuccessful", outcome.RecordedAt, "none-suitable"),
            _ when shortlist.Lock is { } locked => ("tender", "active", locked.LockedAt, "locked"),
            _ => ("tender", "active", shortlist.CreatedAt, "draft"),
        };

        var parties = new JsonArray(Party(shortlist.CommissionerId, shortlist.Context.CommissionerName, "buyer", "procuringEntity"));
        var companyNumbers = shortlist.Snapshot.Offerings.Where(o => o.Supplier.CompanyNumber is not null)
            .GroupBy(o => o.Supplier.Id).ToDictionary(g => g.Key, g => g.First().Supplier.CompanyNumber!, StringComparer.Ordinal);
        if (outcome is { Result: CallOffResult.Awarded, SupplierId: { } winnerId })
        {
            var party = Party(winnerId, outcome.SupplierName!, "supplier");
            if (companyNumbers.TryGetValue(winnerId, out var number))
            {
                party["identifier"] = new JsonObject { ["scheme"] = "GB-COH", ["id"] = number, ["legalName"] = outcome.SupplierName };
            }
            parties.Add(party);
        }
        var lot = shortlist.Snapshot.Framework.Lots.FirstOrDefault(l => l.Id == result.LotId);

        var criteria = shortlist.Snapshot.Template.Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        // Requirements in words, as the buyer published them: a reader of the notice never sees a template's internal ids.
        var weights = result.Entries.FirstOrDefault()?.Criteria.Select(c => $"{shortlist.Snapshot.Template.TextOf(c.RequirementId)} (weight {Number(c.Weight)})")
            ?? criteria.Values.Where(r => r.Kind == RequirementKind.Criterion).Select(r => r.Text);
        var gates = criteria.Values.Where(r => r.Kind == RequirementKind.Gate).Select(r => r.Text);
        var tender = new JsonObject
        {
            ["id"] = shortlist.Id,
            ["title"] = shortlist.Title,
            ["description"] = $"Call-off under framework {shortlist.Context.FrameworkReference} lot {Number(result.LotNumber)} ({shortlist.Context.LotName}), " +
                $"specified with the key-requirements template \"{shortlist.Context.TemplateName}\" version {Number(result.TemplateVersion)}: " +
                $"{Number(spec.Volume)} units for {Number(spec.ContractMonths)} months in {spec.Region}.",
            ["status"] = tenderStatus,
            ["procuringEntity"] = buyer.DeepClone(),
            // A direct award is made without competition (limited); anything else is a selection among the framework's suppliers.
            ["procurementMethod"] = outcome?.Method == CallOffMethod.DirectAward ? "limited" : "selective",
            ["procurementMethodDetails"] = outcome?.Method is { } method
                ? $"Call-off from framework agreement {shortlist.Context.FrameworkReference} by {method.Replace('-', ' ')}"
                : $"Call-off from framework agreement {shortlist.Context.FrameworkReference}",
            ["mainProcurementCategory"] = lot is null ? "services" : ProcurementCategories.MainCategoryOf(lot),
            ["awardCriteria"] = "ratedCriteria",
            ["awardCriteriaDetails"] = $"Mandatory gates: {string.Join(" ", gates)} Weighted criteria: {string.Join("; ", weights)}. " +
                "Total = 100 × Σ(weight × score) / Σ weight; price score = lowest eligible whole-life cost / this whole-life cost.",
            ["items"] = new JsonArray([.. (lot?.Categories ?? []).Select(ProcurementCategories.CpvOf).Distinct().DefaultIfEmpty((Code: "85000000-9", Title: "Health and social work services"))
                .Select((cpv, i) => (JsonNode)new JsonObject
                {
                    ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["description"] = $"{shortlist.Context.TemplateName}: {cpv.Title}",
                    ["classification"] = new JsonObject { ["scheme"] = "CPV", ["id"] = cpv.Code[..8], ["description"] = cpv.Title },
                    ["quantity"] = spec.Volume,
                })]),
        };
        if (spec.BudgetGbp is { } budget)
        {
            tender["value"] = Money(budget);
        }

        var release = new JsonObject
        {
            ["ocid"] = OcidOf(publisher, shortlist.Id),
            ["id"] = $"{shortlist.Id}-{state}",
            ["date"] = Timestamp(releaseDate),
            ["tag"] = new JsonArray(tag),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = parties,
            ["buyer"] = buyer,
            ["tender"] = tender,
            ["relatedProcesses"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["relationship"] = new JsonArray("framework"),
                ["title"] = shortlist.Context.FrameworkName,
                ["scheme"] = "ocid",
                ["identifier"] = OcidOf(publisher, shortlist.Context.FrameworkId),
            }),
        };
        if (outcome is { Result: CallOffResult.Awarded } award)
        {
            release["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = $"{shortlist.Id}-award",
                ["title"] = $"{award.OfferingName} from {award.SupplierName}",
                ["description"] = award.Reason is null ? $"Ranked {Number(award.Rank ?? 0)} in the locked shortlist." : $"Ranked {Number(award.Rank ?? 0)} in the locked shortlist. {award.Reason}",
                ["status"] = "active",
                ["date"] = Timestamp(award.RecordedAt),
                ["value"] = Money(award.ValueGbp ?? 0m),
                ["suppliers"] = new JsonArray(Reference(award.SupplierId!, award.SupplierName!)),
                ["contractPeriod"] = new JsonObject
                {
                    ["startDate"] = Timestamp(award.StartDate!.Value),
                    ["endDate"] = Timestamp(award.EndDate!.Value),
                },
            });
        }
        else if (outcome?.Reason is { } why)
        {
            tender["statusDetails"] = why;
        }

        return new JsonObject
        {
            ["uri"] = new Uri(publisher.BaseUri, $"/api/shortlists/{shortlist.Id}/export?format=ocds").ToString(),
            ["version"] = "1.1",
            ["publishedDate"] = Timestamp(publishedAt),
            ["publisher"] = new JsonObject { ["name"] = publisher.PublisherName, ["uri"] = publisher.BaseUri.ToString() },
            ["releases"] = new JsonArray(release),
        };
    }

    private static JsonObject Reference(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonObject Party(string id, string name, params string[] roles) =>
        new() { ["id"] = id, ["name"] = name, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) };

    internal static JsonObject Money(decimal amount) => new() { ["amount"] = amount, ["currency"] = "GBP" };

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
