using Marketplace.Core.Catalogue;

namespace Marketplace.Seed.Tests;

/// <summary>
/// The seed's capability declarations (issue 13) are what a supplier could declare through the API: vocabulary
/// capabilities, a figure where the capability is measured, a statement of its own rather than a copy of the
/// description, declared before the seed's today; and they differ between offerings, so that they decide scores.
/// </summary>
public sealed class CapabilityDeclarationTests
{
    private static ScoredSeed Seed => ScoredSeed.Committed;

    [Fact]
    public void Every_declaration_names_a_vocabulary_capability_once_with_a_figure_exactly_when_it_is_measured()
    {
        var problems = Seed.Offerings.SelectMany(o => o.Capabilities.Select(d => (o, d)))
            .Select(x => (x.o.Id, x.d, Definition: Capabilities.Find(x.d.Capability)))
            .Where(x => x.Definition is null || (x.Definition.Measure is null) != (x.d.Value is null))
            .Select(x => $"{x.Id}: {x.d.Capability} value {x.d.Value?.ToString() ?? "none"}")
            .Concat(Seed.Offerings.Where(o => o.Capabilities.DistinctBy(d => d.Capability).Count() != o.Capabilities.Count).Select(o => $"{o.Id} declares a capability twice"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(Seed.Offerings, o => o.Capabilities.Any(d => d.Value is not null));
    }

    [Fact]
    public void No_statement_is_copied_from_its_offerings_text_and_every_one_was_declared_before_today()
    {
        var problems = Seed.Offerings.SelectMany(o => o.Capabilities.Where(d =>
                d.Statement.Length is < 10 or > 400
                || o.Description.Contains(d.Statement, StringComparison.OrdinalIgnoreCase)
                || o.Summary.Contains(d.Statement, StringComparison.OrdinalIgnoreCase)
                || o.Features.Any(f => f.Contains(d.Statement, StringComparison.OrdinalIgnoreCase) || d.Statement.Equals(f, StringComparison.OrdinalIgnoreCase))
                || d.DeclaredOn is null || d.DeclaredOn >= ScoredSeed.Today)
            .Select(d => $"{o.Id} {d.Capability} ({d.DeclaredOn}): {d.Statement}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Offerings_of_one_category_declare_different_things_and_most_platforms_declare_a_dashboard()
    {
        var platforms = Seed.Offerings.Where(o => o.Category == "remote-monitoring-platform").ToList();
        var hubs = Seed.Offerings.Where(o => o.Category == "vital-signs-hub").ToList();
        static bool Declares(Offering o, string capability) => o.Capabilities.Any(d => d.Capability == capability);

        Assert.True(platforms.Select(o => string.Join(",", o.Capabilities.Select(d => d.Capability))).Distinct().Count() > platforms.Count / 2,
            "platforms mostly declare the same set");
        Assert.InRange(platforms.Count(o => Declares(o, "clinician-dashboard")), platforms.Count * 3 / 4, platforms.Count);
        Assert.Contains(platforms, o => !Declares(o, "configurable-alert-limits"));
        Assert.True(hubs.Count(o => Declares(o, "clinician-dashboard")) < hubs.Count / 2, "most hubs should feed a dashboard, not be one");
        // Responder times are declared figures that differ, so a "within N minutes" criterion separates them.
        Assert.True(Seed.Offerings.SelectMany(o => o.Capabilities).Where(d => d.Capability == "responder-on-site").Select(d => d.Value).Distinct().Count() >= 3);
    }

    [Fact]
    public void A_supplier_makes_the_same_social_value_commitments_on_every_offering_and_suppliers_differ()
    {
        var socialValue = Capabilities.All.Where(c => c.Group == "social-value").Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var bySupplier = Seed.Offerings.GroupBy(o => o.SupplierId)
            .ToDictionary(g => g.Key, g => g.Select(o => string.Join(",", o.Capabilities.Where(d => socialValue.Contains(d.Capability)).Select(d => d.Capability + ": " + d.Statement))).Distinct().ToList());

        Assert.All(bySupplier, s => Assert.Single(s.Value));
        Assert.True(bySupplier.Values.Select(v => v[0]).Distinct().Count() > bySupplier.Count / 2, "suppliers mostly commit to the same");
        Assert.Contains(bySupplier.Values, v => v[0].Length == 0);
    }
}
