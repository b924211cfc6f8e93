using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Catalogue;
using Marketplace.Schemas;

namespace Marketplace.Functions.Pages.Supplier;

/// <summary>
/// A listing form exactly as the person typed it (so an error never loses their input), its conversion to the
/// listing document the API takes, and the API's schema errors mapped back to the form's fields.
/// </summary>
public sealed record ListingForm
{
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public string Features { get; init; } = "";
    public IReadOnlyList<string> Interoperability { get; init; } = [];
    public string Connectivity { get; init; } = "";
    public IReadOnlyList<string> Regions { get; init; } = [];
    public string PriceModel { get; init; } = "";
    public string PriceAmount { get; init; } = "";
    public string OutcomeReward { get; init; } = "";
    public string LeadTimeDays { get; init; } = "";
    public IReadOnlyList<string> Lots { get; init; } = [];
    public IReadOnlyList<(string Summary, string Source, string Year)> Outcomes { get; init; } = [];
    public string AccessibilityStatement { get; init; } = "";
    public string ProductVersion { get; init; } = "";
    public string ETag { get; init; } = "";

    public const int MaxOutcomes = 10;

    public static ListingForm From(IFormCollection form) => new()
    {
        Kind = form.Text("kind"),
        Name = form.Text("name"),
        Summary = form.Text("summary"),
        Description = form.Text("description"),
        Category = form.Text("category"),
        Conditions = form.Values("conditions"),
        Features = form["features"].ToString(),
        Interoperability = form.Values("interoperability"),
        Connectivity = form.Text("connectivity"),
        Regions = form.Values("regions"),
        PriceModel = form.Text("price-model"),
        PriceAmount = form.Text("price-amount"),
        OutcomeReward = form.Text("price-reward"),
        LeadTimeDays = form.Text("lead-time"),
        Lots = form.Values("lots"),
        Outcomes = [.. Enumerable.Range(0, MaxOutcomes)
            .Select(i => (form.Text($"outcome-{i}-summary"), form.Text($"outcome-{i}-source"), form.Text($"outcome-{i}-year")))
            .Where(o => o.Item1.Length + o.Item2.Length + o.Item3.Length > 0)],
        AccessibilityStatement = form.Text("accessibility"),
        ProductVersion = form.Text("product-version"),
        ETag = form.Text("etag"),
    };

    public static ListingForm From(Offering offering, string etag) => new()
    {
        Kind = offering.Kind,
        Name = offering.Name,
        Summary = offering.Summary,
        Description = offering.Description,
        Category = offering.Category,
        Conditions = offering.Conditions,
        Features = string.Join("\n", offering.Features),
        Interoperability = offering.Interoperability,
        Connectivity = offering.Connectivity ?? "",
        Regions = offering.Regions,
        PriceModel = offering.Price.Model,
        PriceAmount = offering.Price.AmountGbp.ToString("0.00", CultureInfo.InvariantCulture),
        OutcomeReward = offering.Price.OutcomeRewardGbp?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        LeadTimeDays = offering.LeadTimeDays.ToString(CultureInfo.InvariantCulture),
        Lots = offering.Lots,
        Outcomes = [.. offering.OutcomeEvidence.Select(o => (o.Summary, o.Source, o.Year.ToString(CultureInfo.InvariantCulture)))],
        AccessibilityStatement = offering.AccessibilityStatement,
        ProductVersion = offering.ProductVersion ?? "",
        ETag = etag,
    };

    /// <summary>
    /// The listing, checked against <c>offering-listing.schema.json</c> as the API checks its body; or the errors by
    /// field (numbers that are not numbers are named here, the rest by the schema).
    /// </summary>
    public (OfferingListing? Listing, IReadOnlyList<FieldError> Errors) ToListing(DocumentSchemas schemas)
    {
        var errors = new List<FieldError>();
        JsonNode? Number(string raw, string field, string label, bool whole)
        {
            if (raw.Length == 0)
            {
                return null;
            }
            var cleaned = raw.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
            if (whole && int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return JsonValue.Create(i);
            }
            if (!whole && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            {
                return JsonValue.Create(d);
            }
            errors.Add(new FieldError(field, $"{label} must be {(whole ? "a whole number, like 14" : "an amount in pounds, like 162.50")}"));
            return null;
        }

        var price = new JsonObject { ["model"] = PriceModel };
        if (Number(PriceAmount, "price-amount", "Price", whole: false) is { } amount)
        {
            price["amountGbp"] = amount;
        }
        if (Number(OutcomeReward, "price-reward", "Outcome reward", whole: false) is { } reward)
        {
            price["outcomeRewardGbp"] = reward;
        }
        var document = new JsonObject
        {
            ["kind"] = Kind,
            ["name"] = Name,
            ["summary"] = Summary,
            ["description"] = Description,
            ["category"] = Category,
            ["conditions"] = Array(Conditions),
            ["features"] = Array(Features.Split('\n').Select(f => f.Trim()).Where(f => f.Length > 0)),
            ["interoperability"] = Array(Interoperability),
            ["regions"] = Array(Regions),
            ["price"] = price,
            ["lots"] = Array(Lots),
            ["outcomeEvidence"] = new JsonArray([.. Outcomes.Select((o, i) =>
            {
                var item = new JsonObject { ["summary"] = o.Summary, ["source"] = o.Source };
                if (Number(o.Year, $"outcome-{i}-year", $"Outcome evidence {i + 1} year", whole: true) is { } year)
                {
                    item["year"] = year;
                }
                return (JsonNode)item;
            })]),
            ["accessibilityStatement"] = AccessibilityStatement,
        };
        if (Number(LeadTimeDays, "lead-time", "Lead time", whole: true) is { } lead)
        {
            document["leadTimeDays"] = lead;
        }
        if (Connectivity.Length > 0)
        {
            document["connectivity"] = Connectivity;
        }
        if (ProductVersion.Length > 0)
        {
            document["productVersion"] = ProductVersion;
        }
        var typed = errors.Select(e => e.FieldId).ToHashSet(StringComparer.Ordinal);
        foreach (var error in schemas.Validate("offering-listing.schema.json", document))
        {
            var (field, label) = FieldOf(error.Path);
            if (!typed.Contains(field) && errors.All(e => e.FieldId != field))
            {
                errors.Add(new FieldError(field, $"{label} {error.Message}"));
            }
        }
        if (errors.Count > 0)
        {
            return (null, [.. errors.OrderBy(e => System.Array.IndexOf(FieldOrder, e.FieldId.StartsWith("outcome-", StringComparison.Ordinal) ? "outcomes" : e.FieldId))]);
        }
        return (document.Deserialize<OfferingListing>(JsonSerializerOptions.Web), []);
    }

    private static readonly string[] FieldOrder =
        ["kind", "name", "summary", "description", "category", "conditions", "features", "interoperability", "connectivity", "regions",
         "price-model", "price-amount", "price-reward", "lead-time", "lots", "outcomes", "accessibility", "product-version"];

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>The form field (and its label) a schema error's JSON path points into.</summary>
    private static (string Field, string Label) FieldOf(string path)
    {
        var parts = path.Split('.', '[');
        var first = parts.Length > 1 ? parts[1].TrimEnd(']') : "";
        return first switch
        {
            "kind" => ("kind", "Kind"),
            "name" => ("name", "Name"),
            "summary" => ("summary", "Summary"),
            "description" => ("description", "Description"),
            "category" => ("category", "Category"),
            "conditions" => ("conditions", "Conditions"),
            "features" => ("features", "Features"),
            "interoperability" => ("interoperability", "Interoperability"),
            "connectivity" => ("connectivity", "Connectivity"),
            "regions" => ("regions", "Regions"),
            "price" when path.Contains("amountGbp", StringComparison.Ordinal) => ("price-amount", "Price"),
            "price" when path.Contains("outcomeRewardGbp", StringComparison.Ordinal) => ("price-reward", "Outcome reward"),
            "price" => ("price-model", "Price model"),
            "leadTimeDays" => ("lead-time", "Lead time"),
            "lots" => ("lots", "Framework lots"),
            "outcomeEvidence" when parts.Length > 2 && int.TryParse(parts[2].TrimEnd(']'), out var i) =>
                ($"outcome-{i}-{(path.EndsWith("source", StringComparison.Ordinal) ? "source" : path.EndsWith("year", StringComparison.Ordinal) ? "year" : "summary")}", $"Outcome evidence {i + 1}"),
            "accessibilityStatement" => ("accessibility", "Accessibility statement"),
            "productVersion" => ("product-version", "Product version"),
            _ => ("kind", "The listing"),
        };
    }
}
