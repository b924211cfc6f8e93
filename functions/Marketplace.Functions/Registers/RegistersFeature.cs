using Marketplace.Core.Registers;
using Marketplace.Storage.Registers;

namespace Marketplace.Functions.Registers;

/// <summary>Composition: register snapshot uploads and imports, the stores behind them, and their queue and timer functions.</summary>
public static class RegistersFeature
{
    public const string Section = "Registers";

    public static WebApplicationBuilder AddRegisters(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(builder.Configuration.GetSection(Section).Get<RegisterImportSettings>() ?? new RegisterImportSettings());
        services.AddSingleton<BlobRegisterSnapshots>();
        services.AddSingleton<IRegisterSnapshots>(sp => sp.GetRequiredService<BlobRegisterSnapshots>());
        services.AddSingleton<IRegisterImports, TableRegisterImports>();
        services.AddSingleton<UploadRegisterSnapshot>();
        services.AddSingleton<ListRegisterImports>();
        services.AddSingleton<ImportRegisterSnapshot>();
        services.AddSingleton<QueueDroppedSnapshots>();
        services.AddSingleton(sp => ImportRegisterSnapshotFunction.Define(sp.GetRequiredService<Marketplace.Storage.StorageNames>().RegisterImportsQueue));
        services.AddSingleton(_ => QueueDroppedSnapshotsFunction.Define());
        return builder;
    }
}
