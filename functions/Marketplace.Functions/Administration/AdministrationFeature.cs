using Marketplace.Core.Access;
using Marketplace.Storage.Access;

namespace Marketplace.Functions.Administration;

/// <summary>Membership administration's use cases and the register they use.</summary>
public static class AdministrationFeature
{
    /// <summary>The membership use cases and the register behind them.</summary>
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMembershipRegister, TableMembershipRegister>();
        builder.Services.AddScoped<GetMembership>();
        builder.Services.AddScoped<RecordMembership>();
        builder.Services.AddScoped<RemoveMembership>();
        return builder;
    }
}
