using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.CatalogueGenerator;

/// <summary>How the seed files are written: camelCase, two-space indentation, "\n" line endings, a final newline.</summary>
public static class CatalogueJson
{
    public const string Organisations = "organisations.json";
    public const string Standards = "standards.json";
    public const string Offerings = "offerings.json";
    public const string Frameworks = "frameworks.json";
    public const string Attestations = "attestations.json";
    public const string Users = "users.json";
    public const string Assessments = "assessments.json";

    public static readonly IReadOnlyList<string> FileNames = [Organisations, Standards, Offerings, Frameworks, Attestations, Users, Assessments];

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",

        // Readable text ('&', '°', '±', quotes) rather than \u escapes; the files are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteFiles(Catalogue catalogue, string folder)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, Organisations), catalogue.Organisations);
        Write(Path.Combine(folder, Standards), catalogue.Standards);
        Write(Path.Combine(folder, Offerings), catalogue.Offerings);
        Write(Path.Combine(folder, Frameworks), catalogue.Frameworks);
        Write(Path.Combine(folder, Attestations), catalogue.Attestations);
        Write(Path.Combine(folder, Users), catalogue.Users);
        Write(Path.Combine(folder, Assessments), catalogue.Assessments);
    }

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    private static void Write<T>(string path, IReadOnlyList<T> documents)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        JsonSerializer.Serialize(stream, documents, Options);
        stream.WriteByte((byte)'\n');
    }
}
