using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Shortlisting.OcdsReleasePackage;

namespace Marketplace.Core.CallOffs;

/// <summary>
/// The notices of a further competition as OCDS 1.1 releases, one per published step, in one release package (the
/// record of the contracting process): <c>tender</c> when the invitations go out, <c>award</c> (the contract award
/// notice, its award <c>pending</c> through standstill), <c>contract</c> (the contract details notice). Every release
/// says <c>procurementMethod: selective</c> (a competition among the framework's suppliers), the lot's main category
/// and CPV codes, the parties with Companies House identifiers (GB-COH) and their roles, and the framework's own ocid
/// as a related process. Uses only core OCDS fields, so it declares no extensions. Pure.
/// </summary>
public static class CompetitionNotices
{
    /// <summary>The release package with every notice published so far.</summary>
    public static JsonObject Build(Competition competition, OcdsPublisher publisher, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(publisher);
        var releases = new JsonArray();
        foreach (var notice in competition.Notices)
        {
            releases.Add(Release(competition, publisher, notice));
        }
        return new JsonObject
        {
            ["uri"] = new Uri(publisher.BaseUri, $"/api/competitions/{competition.Id}/notices").ToString(),
            ["version"] = "1.1",
            ["publishedDate"] = Timestamp(publishedAt),
            ["publisher"] = new JsonObject { ["name"] = publisher.PublisherName, ["uri"] = publisher.BaseUri.ToString() },
            ["releases"] = releases,
        };
    }

    private static JsonObject Release(Competition c, OcdsPublisher publisher, PublishedNotice notice)
    {
        var buyer = new JsonObject { ["id"] = c.CommissionerId, ["name"] = c.CommissionerName };
        var parties = new JsonArray(new JsonObject { ["id"] = c.CommissionerId, ["name"] = c.CommissionerName, ["roles"] = new JsonArray("buyer", "procuringEntity") });
        var award = notice.Tag is "award" or "contract" ? c.Award : null;
        if (award is not null)
        {
            foreach (var participant in award.Assessments)
            {
                var invitation = c.Invitations.First(i => i.SupplierId == participant.SupplierId);
                var roles = participant.SupplierId == award.WinnerSupplierId ? new JsonArray("tenderer", "supplier") : new JsonArray("tenderer");
                var party = new JsonObject { ["id"] = invitation.SupplierId, ["name"] = invitation.SupplierName, ["roles"] = roles };
                if (invitation.CompanyNumber is { } number)
                {
                    party["identifier"] = new JsonObject { ["scheme"] = "GB-COH", ["id"] = number, ["legalName"] = invitation.SupplierName };
                }
                parties.Add(party);
            }
        }
        var weights = string.Join(", ", c.Criteria.Select(x => $"{x.Text} ({x.Weight.ToString(CultureInfo.InvariantCulture)})"));
        var tender = new JsonObject
        {
            ["id"] = c.Id,
            ["title"] = c.Title,
            ["description"] = c.Description,
            ["status"] = notice.Tag == "tender" ? "active" : "complete",
            ["procuringEntity"] = buyer.DeepClone(),
            ["procurementMethod"] = "selective",
            ["procurementMethodDetails"] = c.Process == CallOffProcess.PsrCompetitive
                ? $"Provider Selection Regime competitive process among the suppliers of {c.FrameworkReference} able to deliver"
                : $"Competitive selection (further competition) among the suppliers of framework {c.FrameworkReference} able to deliver (Procurement Act 2023 s.46)",
            ["mainProcurementCategory"] = c.MainProcurementCategory,
            ["awardCriteria"] = "ratedCriteria",
            ["awardCriteriaDetails"] = $"Weighted criteria: {weights}. Total = 100 × Σ(weight × score) / Σ weight; price score = lowest price / this price.",
            ["items"] = new JsonArray([.. c.Cpv.Select((cpv, i) => (JsonNode)new JsonObject
            {
                ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["description"] = cpv.Title,
                ["classification"] = new JsonObject { ["scheme"] = "CPV", ["id"] = cpv.Code[..8], ["description"] = cpv.Title },
                ["quantity"] = c.Volume,
            })]),
            ["tenderPeriod"] = new JsonObject { ["startDate"] = Timestamp(c.CreatedAt), ["endDate"] = Timestamp(c.Deadline) },
            ["numberOfTenderers"] = award?.Assessments.Count ?? 0,
        };
        var release = new JsonObject
        {
            ["ocid"] = OcdsReleasePackage.OcidOf(publisher, c.Id),
            ["id"] = $"{c.Id}-{notice.Tag}",
            ["date"] = Timestamp(notice.PublishedAt),
            ["tag"] = new JsonArray(notice.Tag),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = parties,
            ["buyer"] = buyer,
            ["tender"] = tender,
            ["relatedProcesses"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["relationship"] = new JsonArray("framework"),
                ["title"] = c.FrameworkName,
                ["scheme"] = "ocid",
                ["identifier"] = OcdsReleasePackage.OcidOf(publisher, c.FrameworkId),
            }),
        };
        if (award is not null)
        {
            var winner = award.Assessments.First(a => a.SupplierId == award.WinnerSupplierId);
            var awardJson = new JsonObject
            {
                ["id"] = $"{c.Id}-award",
                ["title"] = $"Call-off awarded to {winner.SupplierName}",
                ["description"] = $"Ranked first of {award.Assessments.Count.ToString(CultureInfo.InvariantCulture)} responses on the published weights (total {winner.Total.ToString("0.00", CultureInfo.InvariantCulture)} of 100)." +
                    (award.StandstillEnds is { } ends ? $" Standstill ends {Timestamp(ends)}." : ""),
                // Pending through standstill ("proposed, not yet in force"), active once the contract is entered.
                ["status"] = notice.Tag == "contract" ? "active" : "pending",
                ["date"] = Timestamp(award.DecidedAt),
                ["value"] = Money(winner.PriceGbp),
                ["suppliers"] = new JsonArray(new JsonObject { ["id"] = winner.SupplierId, ["name"] = winner.SupplierName }),
            };
            release["awards"] = new JsonArray(awardJson);
        }
        if (notice.Tag == "contract" && c.Contract is { } contract)
        {
            release["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = $"{c.Id}-contract",
                ["awardID"] = $"{c.Id}-award",
                ["title"] = c.Title,
                ["status"] = "active",
                ["value"] = Money(contract.ValueGbp),
                ["dateSigned"] = Timestamp(contract.SignedOn),
                ["period"] = new JsonObject { ["startDate"] = Timestamp(contract.StartDate), ["endDate"] = Timestamp(contract.EndDate) },
            });
        }
        return release;
    }
}
