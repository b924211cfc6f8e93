using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Administration;

/// <summary>An Admin keeps the membership records that say which organisation, in which role, an Entra ID user acts for.</summary>
public sealed class MembershipAdminTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Tenant = "7c1f6a2e-4d3b-4a8e-9f10-2b5c6d7e8f90";

    private MarketplaceApp App => seeded.App;

    private static HttpRequestMessage Put(string user, object body, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/memberships/{Tenant}/{user}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return request;
    }

    private static HttpRequestMessage Delete(string user, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/memberships/{Tenant}/{user}");
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return request;
    }

    [Fact]
    public async Task An_admin_records_changes_and_removes_a_membership_with_etags_and_every_change_is_audited()
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);

        var created = await admin.SendAsync(Put("user-a", new { organisationId = "downs-careline-systems", role = "Supplier" }));
        var blind = await admin.SendAsync(Put("user-a", new { organisationId = "pennine-careline-services", role = "Supplier" }));
        var read = await admin.GetAsync($"/api/admin/memberships/{Tenant}/user-a");
        var changed = await admin.SendAsync(Put("user-a", new { organisationId = "pennine-careline-services", role = "Supplier" }, read.Headers.ETag!.ToString()));
        var stale = await admin.SendAsync(Put("user-a", new { organisationId = "downs-careline-systems", role = "Supplier" }, read.Headers.ETag!.ToString()));
        var unconditional = await admin.SendAsync(Delete("user-a", null));
        var deleted = await admin.SendAsync(Delete("user-a", changed.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ProblemAssert.IsProblemAsync(blind, HttpStatusCode.PreconditionRequired, "precondition-required");
        var membership = await read.Content.ReadFromJsonAsync<Membership>(JsonSerializerOptions.Web);
        Assert.Equal(new Membership(Tenant, "user-a", "downs-careline-systems", "Supplier"), membership);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "stale-etag");
        await ProblemAssert.IsProblemAsync(unconditional, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/admin/memberships/{Tenant}/user-a"), HttpStatusCode.NotFound, "not-found");
        Assert.Null(await App.Services.GetRequiredService<IOrganisationMemberships>().FindMembershipAsync(Tenant, "user-a", CancellationToken.None));
        var audit = await App.Services.GetRequiredService<IAuditLog>().ReadAsync("membership", $"{Tenant}:user-a", CancellationToken.None);
        Assert.Equal(["create", "replace", "delete"], audit.Select(e => e.Action));
        Assert.Equal([null, "Supplier for downs-careline-systems", "Supplier for pennine-careline-services"], audit.Select(e => e.From));
        Assert.All(audit, e => Assert.Equal("Admin", e.ActorRole));
    }

    [Fact]
    public async Task A_membership_fetched_with_GET_can_be_PUT_back_unchanged_but_not_with_other_keys()
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(Put("user-round-trip", new { organisationId = "downs-careline-systems", role = "Supplier" }))).StatusCode);
        var read = await admin.GetAsync($"/api/admin/memberships/{Tenant}/user-round-trip");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(Tenant, (string?)body["tenantId"]);
        Assert.Equal("user-round-trip", (string?)body["objectId"]);

        var otherUser = body.DeepClone().AsObject();
        otherUser["objectId"] = "user-someone-else";
        var moved = await admin.SendAsync(Put("user-round-trip", otherUser, read.Headers.ETag!.ToString()));
        var putBack = await admin.SendAsync(Put("user-round-trip", body, read.Headers.ETag!.ToString()));

        var problem = await ProblemAssert.IsProblemAsync(moved, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["objectId"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, putBack.StatusCode);
        Assert.Equal(new Membership(Tenant, "user-round-trip", "downs-careline-systems", "Supplier"), await putBack.Content.ReadFromJsonAsync<Membership>(JsonSerializerOptions.Web));
        Assert.Null(await App.Services.GetRequiredService<IOrganisationMemberships>().FindMembershipAsync(Tenant, "user-someone-else", CancellationToken.None));
    }

    [Theory]
    [InlineData("downs-careline-systems", "Commissioner", "role")]
    [InlineData("downs-careline-systems", "Admin", "role")]
    [InlineData("tec-services-association", "Supplier", "role")]
    [InlineData("nobody-ltd", "Supplier", "organisationId")]
    [InlineData("Bad Id", "Supplier", "organisationId")]
    public async Task A_membership_must_name_an_organisation_and_a_role_of_its_kind(string organisation, string role, string field)
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);

        var response = await admin.SendAsync(Put("user-b", new { organisationId = organisation, role }));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Keys_that_cannot_be_Entra_ids_are_refused_not_sent_to_storage()
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);

        var response = await admin.GetAsync($"/api/admin/memberships/{Tenant}/bad%01key");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("objectId", out _));
    }

    [Theory]
    [InlineData(MarketplaceRole.Supplier, "downs-careline-systems")]
    [InlineData(MarketplaceRole.Association, "tec-services-association")]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb")]
    public async Task Nobody_but_an_admin_manages_memberships(MarketplaceRole role, string organisation)
    {
        using var client = await App.ClientForAsync(role, organisation);

        await ProblemAssert.IsProblemAsync(await client.SendAsync(Put("user-c", new { organisationId = organisation, role = role.ToString() })), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/admin/memberships/{Tenant}/user-c"), HttpStatusCode.Forbidden, "forbidden");
    }
}
