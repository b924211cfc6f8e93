using System.Diagnostics;
using System.Text.Json;
using Marketplace.CatalogueGenerator;

namespace Marketplace.Seed.Tests;

public sealed class GeneratorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "catalogue-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CatalogueCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Regenerating_300_offerings_reproduces_the_committed_seed_byte_for_byte()
    {
        var (code, _, error) = Run("--offerings", "300", "--out", folder);

        Assert.True(code == 0, error);
        Assert.Equal(
            Directory.GetFiles(Repository.Seed, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in CatalogueJson.FileNames)
        {
            var committed = File.ReadAllBytes(Path.Combine(Repository.Seed, file));
            var regenerated = File.ReadAllBytes(Path.Combine(folder, file));
            var firstDifference = committed.Zip(regenerated).TakeWhile(p => p.First == p.Second).Count();
            Assert.True(
                committed.AsSpan().SequenceEqual(regenerated),
                $"{file} differs from the committed seed at byte {firstDifference} (committed {committed.Length} bytes, regenerated {regenerated.Length})");
        }
    }

    [Fact]
    public void A_different_seed_gives_a_different_catalogue_of_the_same_shape()
    {
        var standard = new CatalogueGenerator.CatalogueGenerator().Generate();
        var other = new CatalogueGenerator.CatalogueGenerator(seed: 7).Generate();

        Assert.Equal(standard.Offerings.Count, other.Offerings.Count);
        Assert.NotEqual(CatalogueJson.Serialize(standard.Offerings), CatalogueJson.Serialize(other.Offerings));
    }

    [Fact]
    public void Generating_10000_offerings_gives_valid_documents_that_hold_together()
    {
        var clock = Stopwatch.StartNew();
        var (code, output, error) = Run("--offerings", "10000", "--out", folder);
        clock.Stop();

        Assert.True(code == 0, error);
        Assert.Contains("10000 offerings", output, StringComparison.Ordinal);
        var catalogue = CatalogueFiles.Load(folder);
        Assert.Equal(10_000, catalogue.Offerings.Count);
        Assert.Equal(CatalogueGenerator.CatalogueGenerator.SupplierCountFor(10_000), catalogue.OrganisationsOfKind("supplier").Count());

        var problems = CatalogueChecks.All(catalogue).ToList();
        Assert.True(problems.Count == 0, CatalogueChecks.Report(problems));

        // Schema-check an even sample of offerings and attestations, and every smaller document.
        var failures = new List<string>();
        void Check(string file, IEnumerable<(int Index, JsonElement Document)> documents)
        {
            foreach (var (index, document) in documents)
            {
                var errors = Repository.DocumentSchemas.Validate(Repository.SchemaOfFile[file], document);
                if (errors.Count > 0)
                {
                    failures.Add($"{file}[{index}]:\n{Repository.Report(errors)}");
                }
            }
        }

        IEnumerable<(int, JsonElement)> Sample(System.Text.Json.Nodes.JsonArray array, int size) =>
            Enumerable.Range(0, size).Select(i => i * array.Count / size).Distinct().Select(i => (i, CatalogueFiles.Element(array[i]!)));

        Check("offerings.json", Sample(catalogue.Offerings, 200));
        Check("attestations.json", Sample(catalogue.Attestations, 200));
        Check("organisations.json", Sample(catalogue.Organisations, catalogue.Organisations.Count));
        Check("frameworks.json", Sample(catalogue.Frameworks, catalogue.Frameworks.Count));
        Check("users.json", Sample(catalogue.Users, 200));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"10,000 offerings took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(new[] { "--offerings", "300" }, "--out is required")]
    [InlineData(new[] { "--offerings", "50", "--out", "x" }, "--offerings must be between")]
    [InlineData(new[] { "--offerings", "many", "--out", "x" }, "unrecognised or incomplete argument '--offerings'")]
    [InlineData(new[] { "--colour", "blue" }, "unrecognised or incomplete argument '--colour'")]
    public void The_command_refuses_bad_arguments_with_a_message(string[] args, string message)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists("x"));
    }
}
