using System.Diagnostics;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Deployment;

/// <summary>
/// infra/hooks/preprovision.sh, run by bash with a stand-in <c>azd</c> first on PATH that answers
/// <c>azd config get alpha.language.custom</c> as azd does: the value as JSON, or an error when nothing is stored.
/// </summary>
public sealed class PreprovisionHookTests : IDisposable
{
    private const string EnableCommand = "azd config set alpha.language.custom on";
    private const string ClientIdCommand = "azd env set AZURE_API_CLIENT_ID <client id>";

    private readonly string fakeBin = Directory.CreateTempSubdirectory("fake-azd-").FullName;

    public PreprovisionHookTests()
    {
        var azd = Path.Combine(fakeBin, "azd");
        File.WriteAllText(azd, """
            #!/bin/sh
            if [ "$1 $2 $3" = "config get alpha.language.custom" ]; then
              if [ -n "$FAKE_ALPHA_LANGUAGE_CUSTOM" ]; then
                printf '"%s"\n' "$FAKE_ALPHA_LANGUAGE_CUSTOM"
                exit 0
              fi
              echo "ERROR: no value stored at path 'alpha.language.custom'" >&2
              exit 1
            fi
            echo "unexpected: azd $*" >&2
            exit 2
            """.ReplaceLineEndings("\n"));
        // The hooks run on Linux, macOS or WSL only (azure.yaml refuses Windows), and so does this test.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(fakeBin, recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("off")]
    public async Task Stops_with_the_enable_command_while_the_alpha_switch_is_off(string? stored)
    {
        var (exit, output) = await RunAsync(stored, clientId: "11111111-1111-1111-1111-111111111111");

        Assert.NotEqual(0, exit);
        Assert.Contains(EnableCommand, output, StringComparison.Ordinal);
        Assert.DoesNotContain("AZURE_API_CLIENT_ID is not set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_naming_the_variable_and_its_command_while_the_client_id_is_missing()
    {
        var (exit, output) = await RunAsync("on", clientId: null);

        Assert.NotEqual(0, exit);
        Assert.Contains("AZURE_API_CLIENT_ID is not set", output, StringComparison.Ordinal);
        Assert.Contains(ClientIdCommand, output, StringComparison.Ordinal);
        Assert.DoesNotContain(EnableCommand, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_both_fixes_when_both_are_missing()
    {
        var (exit, output) = await RunAsync(null, clientId: "");

        Assert.NotEqual(0, exit);
        Assert.Contains(EnableCommand, output, StringComparison.Ordinal);
        Assert.Contains(ClientIdCommand, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passes_when_the_switch_is_on_and_the_client_id_is_set()
    {
        var (exit, output) = await RunAsync("on", clientId: "11111111-1111-1111-1111-111111111111");

        Assert.True(exit == 0, output);
    }

    private async Task<(int Exit, string Output)> RunAsync(string? stored, string? clientId)
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.Combine("infra", "hooks", "preprovision.sh")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = fakeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        // Only the stand-in's answer may decide: a real switch variable on this machine must not leak in.
        start.Environment.Remove("AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM");
        start.Environment.Remove("FAKE_ALPHA_LANGUAGE_CUSTOM");
        start.Environment.Remove("AZURE_API_CLIENT_ID");
        if (stored is not null)
        {
            start.Environment["FAKE_ALPHA_LANGUAGE_CUSTOM"] = stored;
        }
        if (clientId is not null)
        {
            start.Environment["AZURE_API_CLIENT_ID"] = clientId;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout + await stderr);
    }
}
