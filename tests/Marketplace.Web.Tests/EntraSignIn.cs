using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Marketplace.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// The app as it runs in Azure (Production, web sign-in through Microsoft.Identity.Web), trusting a stand-in Entra ID
/// on another loopback port through configuration alone, with two people an Admin has mapped to seeded organisations.
/// </summary>
public sealed class EntraBrowserApp : BrowserApp
{
    public static readonly EntraUser Commissioner =
        new("gwen.hartley@woldsandhumber.example", "5d1c2b3a-0f9e-4d8c-b7a6-112233445566", "Gwen Hartley", "Commissioner");
    public static readonly EntraUser Supplier =
        new("sam.okafor@penninecareline.example", "8e7f6a5b-4c3d-4e2f-a1b0-665544332211", "Sam Okafor", "Supplier");

    public StandInEntra Entra { get; private set; } = null!;

    protected override string Environment => "Production";

    protected override IEnumerable<string> OtherOrigins => [Entra.Origin];

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string baseUrl)
    {
        Entra = await StandInEntra.StartAsync(baseUrl, Commissioner, Supplier);
        return Entra.AppSettings();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // What an Admin records with PUT /api/admin/memberships/{tenantId}/{objectId}: who acts for which organisation.
        var memberships = Services.GetRequiredService<IMembershipRegister>();
        await memberships.AddAsync(new Membership(StandInEntra.TenantId, Commissioner.ObjectId, "nhs-wolds-and-humber-icb", "Commissioner"), CancellationToken.None);
        await memberships.AddAsync(new Membership(StandInEntra.TenantId, Supplier.ObjectId, "pennine-careline-services", "Supplier"), CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Entra is not null)
        {
            await Entra.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EntraCollection : ICollectionFixture<EntraBrowserApp>
{
    public const string Name = "entra";
}

/// <summary>
/// Web sign-in end to end: the authorization code flow with PKCE through the browser to the identity provider and back
/// to /signin-oidc, the app roles and organisation mapping, and sign-out through the provider's end-session endpoint.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class EntraSignIn(EntraBrowserApp app)
{
    private string AuthorizePath => $"{app.Entra.Origin}/{StandInEntra.TenantId}/oauth2/v2.0/authorize";

    private async Task SignInAtEntraAsync(IPage page, EntraUser user)
    {
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(AuthorizePath)));
        await page.Locator("#username").FillAsync(user.UserName);
        await page.Locator("#next").ClickAsync();
    }

    [Fact]
    public async Task A_commissioner_signs_in_through_Entra_ID_reaches_a_commissioner_page_then_signs_out_there_too()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/shortlists");
        await SignInAtEntraAsync(page, EntraBrowserApp.Commissioner);

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/shortlists");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Specifications and shortlists");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Signed in as Gwen Hartley, NHS Wolds and Humber Integrated Care Board (Commissioner)");
        await PageChecks.AccessibleAsync(page, "entra-commissioner-shortlists");
        // The code came back through the browser; the tokens came over the back channel, for the PKCE verifier and an
        // assertion signed with the registration's certificate.
        Assert.Contains(("authorization_code", true, true), app.Entra.TokenRequests);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/sign-in");
        Assert.Contains(app.BaseUrl + "/signout-callback-oidc", app.Entra.EndedSessions);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" })).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "entra-signed-out");
        // Signed out of the app: its pages send the browser to Entra ID again.
        await page.GotoAsync("/shortlists");
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(AuthorizePath)));
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_supplier_signs_in_from_the_sign_in_page_sees_its_own_organisation_and_is_refused_a_commissioner_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await PageChecks.AccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await SignInAtEntraAsync(page, EntraBrowserApp.Supplier);

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/catalogue");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Signed in as Sam Okafor, Pennine Careline Services Ltd (Supplier)");
        await page.GetByRole(AriaRole.Link, new() { Name = "My organisation" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pennine Careline Services Ltd");
        await PageChecks.AccessibleAsync(page, "entra-supplier-organisation");

        var refused = await page.GotoAsync("/shortlists");

        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/shortlists");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Sam Okafor");
        await PageChecks.AccessibleAsync(page);
    }

    [Fact]
    public async Task Behind_the_Functions_host_the_challenge_sends_Entra_ID_the_public_https_callback()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
        // What the host adds when it proxies https://marketplace.example/shortlists over loopback.
        var request = new HttpRequestMessage(HttpMethod.Get, "/shortlists")
        {
            Headers =
            {
                { "X-Forwarded-Proto", "https" },
                { "X-Forwarded-Host", "marketplace.example" },
                { "X-Forwarded-For", "198.51.100.23" },
                { "Accept", "text/html" },
            },
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(AuthorizePath + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("https://marketplace.example/signin-oidc", query["redirect_uri"]);
        Assert.Equal(("code", "S256"), (query["response_type"], query["code_challenge_method"]));
        // The correlation and nonce cookies that must come back with the answer are Secure.
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
