using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// A real Azurite (the pinned npm package) on 127.0.0.1 and free ports, started by the tests and stopped only by
/// them. Installs it from the lock file when missing. Set MARKETPLACE_TEST_STORAGE to a connection string to use
/// an Azurite (or storage account) you started yourself instead.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's documented, public development account; not a secret.
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly Lazy<Task<Azurite>> SharedInstance = new(() => StartAsync());

    private Process? process;
    private readonly string? external;

    private Azurite(int blobPort, int queuePort, int tablePort, string? external)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        this.external = external;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>One Azurite for the whole test process; tests isolate themselves with unique name prefixes.</summary>
    public static Task<Azurite> Shared => SharedInstance.Value;

    public string ConnectionString => external ??
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{Account};";

    public bool IsRunning => external is not null || process is { HasExited: false };

    /// <summary>Starts a new, private Azurite (in memory) on free ports.</summary>
    public static async Task<Azurite> StartAsync(bool allowExternal = true)
    {
        if (allowExternal && Environment.GetEnvironmentVariable("MARKETPLACE_TEST_STORAGE") is { Length: > 0 } given)
        {
            return new Azurite(0, 0, 0, given);
        }
        var azurite = new Azurite(FreePort(), FreePort(), FreePort(), null);
        await azurite.ResumeAsync();
        return azurite;
    }

    /// <summary>(Re)starts this Azurite on the same ports.</summary>
    public async Task ResumeAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var script = await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--require", ParentGuard(), script, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Listening(BlobPort) && Listening(QueuePort) && Listening(TablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start (exit {(process.HasExited ? process.ExitCode : -1)}).");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Stops this Azurite (to test outages); only ever one these tests started.</summary>
    public async Task StopAsync()
    {
        if (external is not null)
        {
            throw new InvalidOperationException("An external Azurite is never stopped by the tests.");
        }
        Kill();
        if (process is not null)
        {
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (external is null)
        {
            await StopAsync();
        }
    }

    // A test host can be ended without running ProcessExit handlers (the runner kills it after the last test), which
    // would leave Azurite running. Preloaded into node, this exits Azurite as soon as its parent process is gone.
    private static string ParentGuard()
    {
        var path = Path.Combine(Path.GetTempPath(), "marketplace-azurite-parent-guard.js");
        const string guard = "const parent = process.ppid;\nsetInterval(() => { if (process.ppid !== parent) process.exit(0); }, 1000).unref();\n";
        if (!File.Exists(path) || File.ReadAllText(path) != guard)
        {
            var temporary = path + "." + Environment.ProcessId;
            File.WriteAllText(temporary, guard);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    private void Kill()
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var script = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                var install = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
                {
                    WorkingDirectory = RepositoryPaths.Root,
                    UseShellExecute = false,
                }) ?? throw new InvalidOperationException("Could not run npm ci.");
                await install.WaitForExitAsync();
                if (install.ExitCode != 0 || !File.Exists(script))
                {
                    throw new InvalidOperationException("npm ci did not install Azurite.");
                }
            }
            return script;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
