using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.FunctionMetadata;

/// <summary>Builds the real deployable zip with the repository's packaging script and checks its layout.</summary>
public sealed class PackageLayoutTests
{
    [Fact]
    public async Task The_package_has_host_json_at_the_root_the_named_executable_and_one_folder_per_function()
    {
        var output = Directory.CreateTempSubdirectory("marketplace-package-");
        try
        {
            var run = Process.Start(new ProcessStartInfo("bash", [RepositoryPaths.Combine("scripts", "package.sh"), output.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // The layout is the same either way; the framework-wide composite costs minutes of crossgen that the
                // suite cannot spare, so the test packages per-assembly ReadyToRun (bench/cold-start.sh starts the composite).
                Environment = { ["PublishReadyToRunComposite"] = "false" },
            })!;
            var log = await run.StandardOutput.ReadToEndAsync() + await run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            Assert.True(run.ExitCode == 0, log);

            using var zip = ZipFile.OpenRead(Path.Combine(output.FullName, "marketplace-functions.zip"));
            var entries = zip.Entries.ToDictionary(e => e.FullName);
            var host = JsonNode.Parse(await new StreamReader(entries["host.json"].Open()).ReadToEndAsync())!;
            var executable = (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!;
            Assert.True(entries.ContainsKey(executable), $"{executable} is not at the root of the zip");
            var mode = (entries[executable].ExternalAttributes >> 16) & 0x1FF;
            Assert.True((mode & 0x40) != 0, $"{executable} is not executable (mode {Convert.ToString(mode, 8)})");

            var functionFolders = entries.Keys.Where(k => k.EndsWith("/function.json", StringComparison.Ordinal) && k.Count(c => c == '/') == 1)
                .Select(k => k.Split('/')[0]).Order(StringComparer.Ordinal).ToArray();
            string[] expected = ["ExpireAttestations", "GetCertifierQueue", "GetHealth", "GetOpenApiDocument", "GetSignedInUser", "ReindexCatalogue", "UpdateSearchIndex", "UploadEvidence", "VerifyAttestation"];
            Assert.Equal(expected, functionFolders.Intersect(expected).ToArray());
            Assert.DoesNotContain("IssueDevToken", functionFolders);
            Assert.DoesNotContain("appsettings.Development.json", entries.Keys);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
