using Marketplace.Core.Access;
using Marketplace.Storage;
using NetArchTest.Rules;

namespace Marketplace.Functions.Tests.Architecture;

/// <summary>Core decides, Storage remembers, endpoints and pages translate (STYLE.md): the dependencies say so.</summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Actor).Assembly;
    private static readonly System.Reflection.Assembly Functions = typeof(Program).Assembly;

    // Composition code wires adapters to ports; it is the only part of the function app that may name Storage.
    private static readonly string[] CompositionNamespaces =
    [
        "Marketplace.Functions.StorageWiring",
        "Marketplace.Functions.Background",
        "Marketplace.Functions.Health",
    ];

    [Fact]
    public void Core_depends_on_nothing_of_Azure_ASP_NET_storage_or_search()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Azure", "Microsoft.AspNetCore", "Microsoft.Extensions", "Marketplace.Storage", "Marketplace.Functions", "Lucene", "Marketplace.Schemas")
            .GetResult();

        Assert.True(result.IsSuccessful, "Core types that depend on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Storage_depends_on_no_endpoint_or_page()
    {
        var result = Types.InAssembly(typeof(StorageNames).Assembly).ShouldNot()
            .HaveDependencyOnAny("Marketplace.Functions", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, "Storage types that depend on the web layer: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Endpoints_and_pages_reference_no_storage_type()
    {
        var result = Types.InAssembly(Functions)
            .That().ResideInNamespaceStartingWith("Marketplace.Functions")
            .And().DoNotResideInNamespace(CompositionNamespaces[0])
            .And().DoNotResideInNamespace(CompositionNamespaces[1])
            .And().DoNotResideInNamespace(CompositionNamespaces[2])
            .And().DoNotHaveNameEndingWith("Feature")
            .And().DoNotHaveNameEndingWith("Command")
            .ShouldNot().HaveDependencyOn("Marketplace.Storage")
            .GetResult();

        Assert.True(result.IsSuccessful, "Endpoints or pages that use storage directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_endpoint_or_page_builds_a_fake_HTTP_context()
    {
        var result = Types.InAssembly(Functions).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore.Http.DefaultHttpContext").GetResult();

        Assert.True(result.IsSuccessful, "Types that build a DefaultHttpContext: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
