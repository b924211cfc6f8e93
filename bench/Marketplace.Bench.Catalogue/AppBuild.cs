using System.Diagnostics;

namespace Marketplace.Bench.Catalogue;

/// <summary>Builds the function app in Release and says where it is.</summary>
public static class AppBuild
{
    public static string Release()
    {
        var project = Marketplace.Testing.RepositoryPaths.Combine("functions", "Marketplace.Functions", "Marketplace.Functions.csproj");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"]))!;
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The app did not build.");
        }
        return Marketplace.Testing.RepositoryPaths.Combine("functions", "Marketplace.Functions", "bin", "Release", "net10.0");
    }
}
