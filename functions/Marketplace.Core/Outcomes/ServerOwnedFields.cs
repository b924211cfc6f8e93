using System.Text.Json;

namespace Marketplace.Core.Outcomes;

/// <summary>
/// Fields the server sets (ids, owners, timestamps). A client may send a document back as it read it, so such a field
/// is accepted when it equals the stored value, and refused by name when it differs.
/// </summary>
public static class ServerOwnedFields
{
    /// <summary>A 400 naming every server-owned field sent with another value than <paramref name="stored"/> has; null when none.</summary>
    public static Failure? Changed<T>(T stored, IReadOnlyDictionary<string, JsonElement> sent, IReadOnlyList<string> names)
    {
        if (sent.Count == 0)
        {
            return null;
        }
        var current = JsonSerializer.SerializeToElement(stored, JsonSerializerOptions.Web);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (sent.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
                && !(current.TryGetProperty(name, out var kept) && SameValue(kept, value)))
            {
                errors[name] = [$"is set by the server and cannot be changed (it is {(current.TryGetProperty(name, out var k) ? k.GetRawText() : "not set")})"];
            }
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    // Timestamps may come back in another but equal form (e.g. "+00:00" for "Z").
    private static bool SameValue(JsonElement stored, JsonElement sent) =>
        JsonElement.DeepEquals(stored, sent)
        || stored.ValueKind == JsonValueKind.String && sent.ValueKind == JsonValueKind.String
            && stored.TryGetDateTimeOffset(out var a) && sent.TryGetDateTimeOffset(out var b) && a == b;
}
