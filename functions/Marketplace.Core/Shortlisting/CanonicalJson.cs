using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// A canonical JSON form for hashing: camel-case names, nulls left out, object members sorted by name (ordinal), no
/// whitespace, numbers as .NET writes them (shortest round-trip). The same value always gives the same bytes, whatever
/// order its dictionaries were filled in.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The serializer options canonical JSON is written with.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value) => Sorted(JsonSerializer.SerializeToNode(value, Options))?.ToJsonString(Options) ?? "null";

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 canonical JSON of <paramref name="value"/>.</summary>
    public static string Sha256<T>(T value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(value))));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
