using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Marketplace.Schemas;

/// <summary>
/// The schema documents as written, by base URI, so that an evaluation result can be traced back to the keyword
/// values behind it (the minimum, the pattern, the constant) and explained in plain words. The result's evaluation
/// path is followed rather than its schema location, which JsonSchema.Net 8 misreports below <c>items</c> and <c>if</c>.
/// </summary>
internal sealed class SchemaSources
{
    private readonly Dictionary<Uri, JsonElement> documents = [];

    public void Add(Uri baseUri, JsonElement root) => documents[baseUri] = root;

    /// <summary>A loaded schema document as written.</summary>
    public JsonElement Document(Uri baseUri) => documents[baseUri];

    /// <summary>The other loaded documents that the one at <paramref name="baseUri"/> refers to, directly or through another.</summary>
    public IReadOnlyList<Uri> ReferencedFrom(Uri baseUri)
    {
        var found = new List<Uri>();
        var pending = new Stack<Uri>([baseUri]);
        while (pending.TryPop(out var from))
        {
            foreach (var reference in References(documents[from]))
            {
                var target = new Uri(from, reference);
                var document = new Uri(target.GetLeftPart(UriPartial.Query));
                if (document != baseUri && !found.Contains(document))
                {
                    found.Add(document);
                    pending.Push(document);
                }
            }
        }

        return found;
    }

    /// <summary>Where an evaluation of the schema at <paramref name="baseUri"/> starts.</summary>
    public Location Root(Uri baseUri) => new(this, documents[baseUri], baseUri);

    /// <summary>Every <c>$ref</c> in every document names a loaded schema: a broken one fails at start, not on a request.</summary>
    public void CheckReferences()
    {
        foreach (var (baseUri, root) in documents)
        {
            foreach (var reference in References(root))
            {
                Resolve(baseUri, reference);
            }
        }
    }

    private static List<string> References(JsonElement element)
    {
        var found = new List<string>();
        Collect(element, found);
        return found;

        static void Collect(JsonElement element, List<string> found)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, found);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }
            }
        }
    }

    private Location Resolve(Uri baseUri, string reference)
    {
        var target = new Uri(baseUri, reference);
        var document = new Uri(target.GetLeftPart(UriPartial.Query));
        if (!documents.TryGetValue(document, out var root))
        {
            throw Broken($"{baseUri}: the reference '{reference}' names no loaded schema; schemas are never fetched over the network.");
        }

        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        return JsonPointer.Parse(fragment).Evaluate(root) is { } found
            ? new Location(this, found, document)
            : throw Broken($"{baseUri}: the reference '{reference}' points at nothing in {document}.");
    }

    // Apart, and never inlined: compiling a method that names a JsonSchema.Net type starts JsonSchema.Net (its module
    // initialiser builds every meta-schema), which checking the references at start must not do (issue 15).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Exception Broken(string message) => new JsonSchemaException(message);

    /// <summary>A subschema as written, and the base URI its references resolve against.</summary>
    public readonly record struct Location(SchemaSources Sources, JsonElement Schema, Uri BaseUri)
    {
        /// <summary>The subschema reached by an evaluation path relative to this one (<c>/properties/price/$ref/if</c>).</summary>
        public Location Follow(IEnumerable<string> segments)
        {
            var here = this;
            var afterItems = false;
            foreach (var segment in segments)
            {
                // JsonSchema.Net 8 writes the path into a single items schema as /items/items: the second is not a step.
                if (afterItems && segment == "items")
                {
                    afterItems = false;
                    continue;
                }

                afterItems = segment == "items" && here.Keyword("items") is { ValueKind: JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False };
                here = here.Step(segment);
            }

            return here;
        }

        /// <summary>The value of a keyword of this subschema, if it has it.</summary>
        public JsonElement? Keyword(string name) =>
            Schema.ValueKind == JsonValueKind.Object && Schema.TryGetProperty(name, out var value) ? value : null;

        private Location Step(string segment) => Schema.ValueKind switch
        {
            JsonValueKind.Object when segment == "$ref" && Keyword("$ref") is { ValueKind: JsonValueKind.String } reference => Sources.Resolve(BaseUri, reference.GetString()!),
            JsonValueKind.Object when Schema.TryGetProperty(segment, out var next) => this with { Schema = next },
            JsonValueKind.Array when int.TryParse(segment, out var index) && index < Schema.GetArrayLength() => this with { Schema = Schema[index] },
            _ => throw new InvalidOperationException($"The evaluation path step '{segment}' is not in the schema at {BaseUri}."),
        };
    }
}
