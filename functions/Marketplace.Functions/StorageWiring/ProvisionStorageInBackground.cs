using Marketplace.Storage.Provisioning;

namespace Marketplace.Functions.StorageWiring;

/// <summary>
/// Starts the <see cref="StorageProvisioner"/> from a pool thread. Registered as the provisioner itself, it was built
/// while the host started its services on the main thread, and building it builds the three storage clients: tens of
/// milliseconds of every cold start, now spent beside Kestrel's start instead of before it (bench/README.md).
/// </summary>
internal sealed partial class ProvisionStorageInBackground(IServiceProvider services, ILogger<ProvisionStorageInBackground> logger) : IHostedService
{
    private Task<StorageProvisioner?> provisioner = Task.FromResult<StorageProvisioner?>(null);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        provisioner = Task.Run(async () =>
        {
            try
            {
                var started = services.GetRequiredService<StorageProvisioner>();
                await started.StartAsync(CancellationToken.None);
                return started;
            }
            catch (Exception ex)
            {
                // Storage options are validated at start, so this is a client that cannot be built; health says so.
                LogNotStarted(ex);
                return null;
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (await provisioner is { } started)
        {
            await started.StopAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage provisioning could not start")]
    private partial void LogNotStarted(Exception exception);
}
