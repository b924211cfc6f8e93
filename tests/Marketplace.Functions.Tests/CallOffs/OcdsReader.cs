using System.Text.Json.Nodes;

namespace Marketplace.Functions.Tests.CallOffs;

/// <summary>
/// What an OCDS reader checks beyond the schema: one contracting process per package, releases in date order, and
/// each step's tag matching what the release holds and the method its process implies (a competition is selective,
/// a direct award limited; tender releases carry no award, award releases a pending or active award naming a
/// supplier party, contract releases a contract tied to an award).
/// </summary>
internal static class OcdsReader
{
    public static IReadOnlyList<string> Problems(JsonNode package)
    {
        var problems = new List<string>();
        var releases = package["releases"]!.AsArray().Select(r => r!).ToList();
        if (releases.Select(r => r["ocid"]!.GetValue<string>()).Distinct().Count() != 1)
        {
            problems.Add("releases of more than one ocid");
        }
        var dates = releases.Select(r => r["date"]!.GetValue<string>()).ToList();
        if (!dates.SequenceEqual(dates.Order(StringComparer.Ordinal)))
        {
            problems.Add("releases out of date order");
        }
        foreach (var release in releases)
        {
            var tag = release["tag"]!.AsArray().Single()!.GetValue<string>();
            var tender = release["tender"]!;
            var method = tender["procurementMethod"]!.GetValue<string>();
            var awards = release["awards"]?.AsArray() ?? [];
            var contracts = release["contracts"]?.AsArray() ?? [];
            var parties = release["parties"]!.AsArray();
            var direct = (tender["procurementMethodDetails"]?.GetValue<string>() ?? "").Contains("direct award", StringComparison.OrdinalIgnoreCase);
            if (method != (direct ? "limited" : "selective"))
            {
                problems.Add($"{release["id"]}: procurementMethod {method} for a {(direct ? "direct award" : "competition")}");
            }
            if (tender["items"]?.AsArray().Any(i => i!["classification"]?["scheme"]?.GetValue<string>() != "CPV") != false)
            {
                problems.Add($"{release["id"]}: items without CPV classification");
            }
            if (!parties.Any(p => p!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "buyer")))
            {
                problems.Add($"{release["id"]}: no buyer party");
            }
            if (release["relatedProcesses"]?.AsArray().Any(p => p!["relationship"]!.AsArray().Any(r => r!.GetValue<string>() == "framework") && p["scheme"]?.GetValue<string>() == "ocid") != true)
            {
                problems.Add($"{release["id"]}: no framework ocid");
            }
            switch (tag)
            {
                case "tender" when awards.Count > 0 || contracts.Count > 0:
                    problems.Add($"{release["id"]}: a tender release with awards or contracts");
                    break;
                case "award" when awards.Count != 1 || awards[0]!["status"]!.GetValue<string>() is not ("pending" or "active"):
                    problems.Add($"{release["id"]}: an award release without one pending or active award");
                    break;
                case "contract" when contracts.Count != 1 || awards.All(a => a!["id"]!.GetValue<string>() != contracts[0]!["awardID"]!.GetValue<string>()):
                    problems.Add($"{release["id"]}: a contract release without a contract tied to its award");
                    break;
                case not ("tender" or "award" or "contract"):
                    problems.Add($"{release["id"]}: unexpected tag {tag}");
                    break;
            }
            foreach (var award in awards)
            {
                foreach (var supplier in award!["suppliers"]!.AsArray())
                {
                    var party = parties.FirstOrDefault(p => p!["id"]!.GetValue<string>() == supplier!["id"]!.GetValue<string>());
                    if (party is null || !party["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "supplier"))
                    {
                        problems.Add($"{release["id"]}: awarded supplier {supplier!["id"]} is not a supplier party");
                    }
                    else if (party["identifier"] is { } identifier && identifier["scheme"]?.GetValue<string>() != "GB-COH")
                    {
                        problems.Add($"{release["id"]}: supplier identifier not GB-COH");
                    }
                }
            }
        }
        return problems;
    }
}
