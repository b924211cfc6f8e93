using System.Diagnostics;
using System.Globalization;

namespace Marketplace.CatalogueGenerator;

/// <summary>The command line: <c>--offerings N --out DIR [--seed S]</c>.</summary>
public static class CatalogueCommand
{
    public const string Usage = "usage: Marketplace.CatalogueGenerator --out <folder> [--offerings <n>=300] [--seed <n>]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var offerings = CatalogueGenerator.SeedOfferings;
        var seed = CatalogueGenerator.DefaultSeed;
        string? folder = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--offerings" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out offerings):
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    folder = value;
                    i++;
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"unrecognised or incomplete argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        if (folder is null)
        {
            error.WriteLine("--out is required");
            error.WriteLine(Usage);
            return 2;
        }

        if (offerings is < CatalogueGenerator.MinimumOfferings or > CatalogueGenerator.MaximumOfferings)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"--offerings must be between {CatalogueGenerator.MinimumOfferings} and {CatalogueGenerator.MaximumOfferings}"));
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var catalogue = new CatalogueGenerator(offerings, seed).WriteTo(folder);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {catalogue.Organisations.Count} organisations, {catalogue.Offerings.Count} offerings, {catalogue.Attestations.Count} attestations, {catalogue.Users.Count} users to {Path.GetFullPath(folder)} in {clock.ElapsedMilliseconds} ms"));
        return 0;
    }
}
