using System.Text.Json.Nodes;

namespace Marketplace.Functions.Pages;

/// <summary>
/// Display names of the controlled vocabularies (categories, conditions, regions, …), read once from the titles in
/// <c>schemas/vocabulary.schema.json</c>, so pages and documents use one list.
/// </summary>
public sealed class PageLabels(IReadOnlyDictionary<string, IReadOnlyList<(string Value, string Title)>> vocabularies)
{
    public static PageLabels Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!["$defs"]!.AsObject();
        var vocabularies = new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal);
        foreach (var (name, definition) in root)
        {
            if (definition?["oneOf"] is JsonArray options)
            {
                vocabularies[name] = [.. options.Select(o => ((string)o!["const"]!, (string?)o["title"] ?? (string)o["const"]!))];
            }
            else if (definition?["enum"] is JsonArray values)
            {
                vocabularies[name] = [.. values.Select(v => ((string)v!, (string)v!))];
            }
        }
        return new PageLabels(vocabularies);
    }

    /// <summary>Every value of a vocabulary with its display name, in the schema's order.</summary>
    public IReadOnlyList<(string Value, string Title)> All(string vocabulary) => vocabularies.TryGetValue(vocabulary, out var all) ? all : [];

    /// <summary>The display name of a value (the value itself when unknown).</summary>
    public string Of(string vocabulary, string? value) =>
        value is null ? "" : All(vocabulary).FirstOrDefault(v => v.Value == value).Title ?? value;

    public string Category(string? value) => Of("category", value);
    public string Condition(string? value) => Of("condition", value);
    public string Region(string? value) => Of("region", value);
    public string Interoperability(string? value) => Of("interoperability", value);
    public string Connectivity(string? value) => Of("connectivity", value);
    public string PriceModel(string? value) => Of("priceModel", value);
    public string Capability(string? value) => Of("capability", value);
}
