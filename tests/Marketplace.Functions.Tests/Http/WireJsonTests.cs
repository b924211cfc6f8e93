using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Marketplace.Functions.Tests.Http;

/// <summary>
/// Every JSON body the endpoint table takes or gives is described by generated code, not built by reflection: the
/// reflection resolver stays last in the chain for what nobody listed, and a wire type reaching it would cost start-up
/// time (each is built when the endpoints are first read), so a new endpoint cannot silently fall back to it.
/// </summary>
public sealed class WireJsonTests
{
    [Fact]
    public async Task Every_json_body_and_answer_in_the_endpoint_table_has_generated_metadata()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var generated = options.TypeInfoResolverChain.Where(resolver => resolver is not DefaultJsonTypeInfoResolver).ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var wireTypes = WireTypesOf(endpoints);
        var reflected = wireTypes.Where(type => !generated.Any(resolver => resolver.GetTypeInfo(type, options) is not null))
            .Select(type => type.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Contains(typeof(Marketplace.Core.Catalogue.Offering), wireTypes);
        Assert.True(reflected.Count == 0, "Described by reflection, not in the generated context:\n" + string.Join("\n", reflected));
    }

    /// <summary>The seeded catalogue's records written as answers: byte for byte what reflection wrote, and read back unchanged.</summary>
    [Fact]
    public async Task Answers_written_by_generated_code_are_the_bytes_reflection_wrote_and_read_back_the_same()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var reflection = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

        var compared = Same<Marketplace.Core.Catalogue.Offering>("offerings.json", options, reflection)
            + Same<Marketplace.Core.Attestations.Attestation>("attestations.json", options, reflection)
            + Same<Marketplace.Core.Assessments.BuyerAssessment>("assessments.json", options, reflection)
            + Directory.GetFiles(Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed", "templates"), "*.json")
                .Sum(file => Same<Marketplace.Core.Shortlisting.KeyRequirementsTemplate>(file, options, reflection, single: true));

        Assert.True(compared > 300, $"Only {compared} records compared.");
    }

    private static int Same<T>(string file, JsonSerializerOptions generated, JsonSerializerOptions reflection, bool single = false)
    {
        var text = File.ReadAllText(Path.IsPathRooted(file) ? file : Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed", file));
        var records = single ? [JsonSerializer.Deserialize<T>(text, reflection)!] : JsonSerializer.Deserialize<List<T>>(text, reflection)!;
        Assert.Contains(generated.TypeInfoResolverChain, resolver => resolver is not DefaultJsonTypeInfoResolver && resolver.GetTypeInfo(typeof(T), generated) is not null);
        foreach (var record in records)
        {
            var expected = JsonSerializer.Serialize(record, reflection);
            Assert.Equal(expected, JsonSerializer.Serialize(record, generated));
            Assert.Equal(expected, JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(expected, generated), reflection));
        }
        return records.Count;
    }

    /// <summary>
    /// Generated code sets an init-only property to its default (null) when the body leaves it out (dotnet/runtime#84484),
    /// where reflection left the property's initializer in place; so every init-only property of what a request body
    /// can carry must come out the same when set to its default as when left alone (<c>init => field = value ?? []</c>).
    /// </summary>
    [Fact]
    public async Task A_request_body_that_leaves_out_an_optional_field_reads_it_as_its_initial_value()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>()).Where(accepts => IsJson(accepts.ContentTypes))
            .Select(accepts => accepts.RequestType).OfType<Type>();

        var lost = new List<string>();
        foreach (var type in Reachable(bodies, options))
        {
            // Constructor parameters keep their declared defaults in generated code too; only the other members are at risk.
            var parameters = Constructor(type)?.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var property in type.GetProperties().Where(p => IsInitOnly(p) && !parameters.Contains(p.Name)))
            {
                var left = New(type);
                var set = New(type);
                if (left is null || set is null)
                {
                    continue;
                }
                property.SetValue(set, property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null);
                if (JsonSerializer.Serialize(property.GetValue(left), options) != JsonSerializer.Serialize(property.GetValue(set), options))
                {
                    lost.Add($"{type.Name}.{property.Name}");
                }
            }
        }

        Assert.True(lost.Count == 0, "Left out of a request body, these would read as null, not their initial value:\n" + string.Join("\n", lost.Order(StringComparer.Ordinal)));
    }

    private static bool IsJson(IEnumerable<string> contentTypes) => contentTypes.Any(c => c.EndsWith("json", StringComparison.OrdinalIgnoreCase));

    private static HashSet<Type> WireTypesOf(IEnumerable<Endpoint> endpoints)
    {
        var bodies = endpoints.SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Where(accepts => IsJson(accepts.ContentTypes)).Select(accepts => accepts.RequestType);
        var answers = endpoints.SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(produces => IsJson(produces.ContentTypes)).Select(produces => produces.Type);
        return [.. bodies.Concat(answers).OfType<Type>().Where(type => type != typeof(void) && !typeof(IResult).IsAssignableFrom(type))];
    }

    /// <summary>The object types a body of these types can hold: their properties', elements' and derived types, transitively.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots, JsonSerializerOptions options)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }
            var info = options.GetTypeInfo(type);
            var next = info.Kind switch
            {
                JsonTypeInfoKind.Object => info.Properties.Select(p => p.PropertyType),
                JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => [info.ElementType!],
                _ => [],
            };
            foreach (var derived in info.PolymorphismOptions?.DerivedTypes.Select(d => d.DerivedType) ?? [])
            {
                pending.Enqueue(derived);
            }
            foreach (var child in next)
            {
                pending.Enqueue(Nullable.GetUnderlyingType(child) ?? child);
            }
        }
        return [.. seen.Where(type => options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object && !type.IsValueType)];
    }

    private static bool IsInitOnly(System.Reflection.PropertyInfo property) =>
        property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true;

    private static System.Reflection.ConstructorInfo? Constructor(Type type) =>
        type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault();

    /// <summary>An instance as construction leaves it (required members unset), or null when no constructor takes defaults.</summary>
    private static object? New(Type type)
    {
        if (type.IsAbstract || Constructor(type) is not { } constructor)
        {
            return null;
        }
        var arguments = constructor.GetParameters()
            .Select(p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return constructor.Invoke(arguments);
    }
}
