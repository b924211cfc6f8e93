using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Deployment;

/// <summary>infra/entra/app-roles.json, which infra/README.md has people load into the app registration.</summary>
public sealed class EntraAppRolesTests
{
    [Fact]
    public void The_app_registration_declares_exactly_the_roles_the_app_authorises_with_stable_ids()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("infra", "entra", "app-roles.json")));
        var declared = roles.RootElement.EnumerateArray().ToList();

        Assert.Equal(Enum.GetNames<MarketplaceRole>().Order(StringComparer.Ordinal), declared.Select(r => r.GetProperty("value").GetString()).Order(StringComparer.Ordinal));
        Assert.All(declared, r =>
        {
            Assert.True(Guid.TryParse(r.GetProperty("id").GetString(), out _));
            Assert.Equal(["User"], r.GetProperty("allowedMemberTypes").EnumerateArray().Select(t => t.GetString()));
            Assert.True(r.GetProperty("isEnabled").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("description").GetString()));
        });
        Assert.Equal(declared.Count, declared.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
    }
}
