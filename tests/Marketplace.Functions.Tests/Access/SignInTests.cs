using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Marketplace.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Functions.Tests.Access;

public sealed class SignInTests
{
    private const string TenantId = "7c1f6a2e-4d3b-4a8e-9f10-2b5c6d7e8f90";
    private const string ClientId = "3e8a1b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d";

    private static readonly Dictionary<string, string?> EntraSettings = new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
    };

    [Theory]
    [InlineData(MarketplaceRole.Commissioner, "nhs-north-yorkshire-icb")]
    [InlineData(MarketplaceRole.Supplier, "pennine-careline")]
    [InlineData(MarketplaceRole.Association, "tec-services-association")]
    [InlineData(MarketplaceRole.Admin, null)]
    public async Task A_development_token_signs_in_with_its_role_and_organisation(MarketplaceRole role, string? organisationId)
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = await app.ClientForAsync(role, organisationId);

        var me = await client.GetFromJsonAsync<GetSignedInUser.SignedInUser>("/api/me");

        Assert.Equal([role.ToString()], me!.Roles);
        Assert.Equal(organisationId, me.OrganisationId);
    }

    [Fact]
    public async Task The_development_token_answer_has_the_documented_shape()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "Supplier", organisationId = "pennine-careline" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<IssueDevToken.DevTokenResponse>();
        Assert.Equal(3600, body!.ExpiresIn);
        var token = new JsonWebToken(body.AccessToken);
        Assert.Equal("pennine-careline", token.GetClaim(MarketplaceClaimTypes.OrganisationId).Value);
        Assert.Equal("Supplier", token.GetClaim(MarketplaceClaimTypes.Roles).Value);
    }

    [Theory]
    [InlineData("Pharaoh")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_role_is_refused_naming_the_role_field(string? role)
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role, organisationId = "x" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task A_role_other_than_admin_needs_an_organisation()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "Supplier" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisationId", out _));
    }

    [Fact]
    public async Task Without_a_token_a_role_protected_route_is_a_401_problem()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var client = app.CreateClient();

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_token_with_the_development_issuer_but_another_key_is_refused_in_development()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var forger = new DevTokenIssuer(TimeProvider.System, new ConfigurationBuilder().Build());
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forger.Issue(MarketplaceRole.Admin, null, "mallory", "Mallory"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Outside_development_the_token_route_does_not_exist()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "Admin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task In_development_an_admin_moves_the_clock_forward_and_the_call_off_timer_runs_at_the_new_time()
    {
        await using var app = await MarketplaceApp.StartAsync();
        using var admin = await app.ClientForAsync(MarketplaceRole.Admin);
        using var supplier = await app.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        var before = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var nothing = await admin.PostAsJsonAsync("/api/dev/clock", new { days = 0 });
        var bySupplier = await supplier.PostAsJsonAsync("/api/dev/clock", new { days = 4 });
        var moved = await admin.PostAsJsonAsync("/api/dev/clock", new { days = 4, hours = 2 });
        var body = await moved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.True((await ProblemAssert.IsProblemAsync(nothing, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("days", out _));
        await ProblemAssert.IsProblemAsync(bySupplier, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.InRange(app.Services.GetRequiredService<TimeProvider>().GetUtcNow() - before, TimeSpan.FromHours(98), TimeSpan.FromHours(99));
        Assert.Equal("Closed 0 competitions; ended 0 standstills", body.GetProperty("timer").GetString());
    }

    [Fact]
    public async Task Outside_development_the_clock_route_does_not_exist_and_the_clock_is_the_system_clock()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/clock", new { days = 4 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Outside_development_a_development_token_is_never_trusted()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        using var devIssuer = new DevTokenIssuer(TimeProvider.System, new ConfigurationBuilder().AddInMemoryCollection(EntraSettings).Build());
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", devIssuer.Issue(MarketplaceRole.Admin, null, "dev-admin", "Dev Admin"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_Entra_ID_token_signs_in_and_its_organisation_comes_from_the_membership_record()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        var memberships = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(app.Names.MembershipsTable);
        await memberships.UpsertEntityAsync(new TableEntity(TenantId, "user-object-1") { ["OrganisationId"] = "nhs-kent-icb" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", entra.Issue("user-object-1", "Commissioner"));

        var me = await client.GetFromJsonAsync<GetSignedInUser.SignedInUser>("/api/me");

        Assert.Equal("user-object-1", me!.UserId);
        Assert.Equal(["Commissioner"], me.Roles);
        Assert.Equal("nhs-kent-icb", me.OrganisationId);
    }

    [Fact]
    public async Task A_membership_an_Admin_records_names_the_organisation_only_for_a_token_with_its_role()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        await app.Services.GetRequiredService<Marketplace.Storage.Catalogue.CatalogueTables>().Organisations.WriteAsync(
            "downs-careline-systems",
            new Marketplace.Core.Organisations.Organisation { Id = "downs-careline-systems", Kind = "supplier", Name = "Downs Careline Systems Ltd" }, CancellationToken.None);
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", entra.Issue("admin-object-1", "Admin"));
        using var asSupplier = app.CreateClient();
        asSupplier.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", entra.Issue("user-object-2", "Supplier"));
        using var asCommissioner = app.CreateClient();
        asCommissioner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", entra.Issue("user-object-2", "Commissioner"));

        var recorded = await admin.PutAsJsonAsync($"/api/admin/memberships/{TenantId}/user-object-2", new { organisationId = "downs-careline-systems", role = "Supplier" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("downs-careline-systems", (await asSupplier.GetFromJsonAsync<GetSignedInUser.SignedInUser>("/api/me"))!.OrganisationId);
        Assert.Null((await asCommissioner.GetFromJsonAsync<GetSignedInUser.SignedInUser>("/api/me"))!.OrganisationId);
    }

    [Fact]
    public async Task An_Entra_ID_token_for_another_audience_is_refused()
    {
        using var entra = new FakeEntra();
        await using var app = await MarketplaceApp.StartAsync("Production", EntraSettings, entra.Install);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", entra.Issue("user-object-1", "Admin", audience: "api://someone-else"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Plain_http_metadata_is_refused_for_a_sign_in_authority_off_this_machine()
    {
        var settings = new Dictionary<string, string?>(EntraSettings) { ["AzureAd:RequireHttpsMetadata"] = "false" };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => MarketplaceApp.StartAsync("Production", settings));

        Assert.Contains("AzureAd:RequireHttpsMetadata", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Entra ID's signing key and metadata: the one boundary that cannot be reached from here.</summary>
    private sealed class FakeEntra : IDisposable
    {
        private readonly RSA rsa = RSA.Create(2048);
        private readonly RsaSecurityKey key;
        private readonly string issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

        public FakeEntra() => key = new RsaSecurityKey(rsa) { KeyId = "entra-test-key" };

        public void Install(IServiceCollection services)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            configuration.SigningKeys.Add(key);
            // Entra ID's metadata endpoint cannot be reached here: the handler is given the metadata it would have fetched.
            services.PostConfigure<JwtBearerOptions>(Authentication.EntraScheme, options => options.ConfigurationManager = new FixedMetadata(configuration));
        }

        /// <summary>
        /// The metadata as Entra ID would serve it. Written out because the tests run without run-time code generation,
        /// which Moq's proxies need; the identity library's StaticConfigurationManager made the handler refuse these
        /// tokens (401, cause not traced).
        /// </summary>
        private sealed class FixedMetadata(OpenIdConnectConfiguration configuration) : IConfigurationManager<OpenIdConnectConfiguration>
        {
            public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(configuration);

            public void RequestRefresh()
            {
            }
        }

        public string Issue(string objectId, string role, string audience = ClientId)
        {
            var now = DateTime.UtcNow;
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddHours(1),
                Claims = new Dictionary<string, object>
                {
                    ["oid"] = objectId,
                    ["tid"] = TenantId,
                    ["name"] = "Test User",
                    ["ver"] = "2.0",
                    ["roles"] = new[] { role },
                },
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
        }

        public void Dispose() => rsa.Dispose();
    }
}
