using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Storage.Attestations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Registers;

/// <summary>The register reference on the supplier's new-attestation form and the API, on the seeded catalogue.</summary>
public sealed partial class RegisterReferenceFormTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Supplier = "downs-careline-systems";

    [Fact]
    public async Task A_DSPT_attestation_needs_the_organisation_code_and_keeps_it_in_the_registers_form()
    {
        using var client = seeded.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await seeded.App.TokenForAsync(MarketplaceRole.Supplier, Supplier));
        var form = await client.GetStringAsync("/supplier/attestations/new");
        FormUrlEncodedContent Post(string reference) => new(
        [
            new("__RequestVerificationToken", Token().Match(form).Groups[1].Value), new("standard", "DSPT"), new("offering", ""), new("certificate", "DSPT-8QX12-2026"),
            new("issued-day", "1"), new("issued-month", "10"), new("issued-year", "2026"), new("register-reference", reference),
        ]);

        var missing = await client.PostAsync("/supplier/attestations/new", Post(""));
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#register-reference\">Required for DSPT", html, StringComparison.Ordinal);

        var created = await client.PostAsync("/supplier/attestations/new", Post(" 8qx12 "));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Regex.Match(created.Headers.Location!.ToString(), "att-[0-9a-f]+").Value;
        var stored = (await seeded.App.Services.GetRequiredService<AttestationStore>().FindAsync(id, CancellationToken.None))!.Document;
        Assert.Equal(("DSPT", "8QX12"), (stored.StandardCode, stored.RegisterReference));
    }

    [Fact]
    public async Task The_API_refuses_a_register_reference_on_a_standard_that_is_not_checked_against_a_register()
    {
        using var client = await seeded.App.ClientForAsync(MarketplaceRole.Supplier, Supplier);

        var answer = await client.PostAsync("/api/attestations", System.Net.Http.Json.JsonContent.Create(new
        {
            standardCode = "A2D-READY", offeringId = "off-000001", certificateNumber = "A2D-1", issuedOn = "2026-10-01", registerReference = "8QX12",
        }));

        var problem = await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("registerReference", out _));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
