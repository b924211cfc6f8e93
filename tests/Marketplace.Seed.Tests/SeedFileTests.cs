using System.Text.Json;

namespace Marketplace.Seed.Tests;

public sealed class SeedFileTests
{
    public static TheoryData<string> SeedFiles() => [.. Repository.SchemaOfFile.Keys];

    [Fact]
    public void The_seed_folder_holds_exactly_the_seven_documents()
    {
        var files = Directory.GetFiles(Repository.Seed, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Repository.SchemaOfFile.Keys.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_document_in_a_seed_file_validates_against_its_schema(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Seed, file)));
        var failures = json.RootElement.EnumerateArray()
            .Select((document, index) => (index, errors: Repository.DocumentSchemas.Validate(Repository.SchemaOfFile[file], document)))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"{file}[{r.index}]:\n{Repository.Report(r.errors)}")
            .ToList();

        Assert.NotEmpty(json.RootElement.EnumerateArray());
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_files_use_two_space_indentation_and_unix_line_endings(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Seed, file));

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.StartsWith("[\n  {\n    \"", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n]\n", text, StringComparison.Ordinal);
    }
}
