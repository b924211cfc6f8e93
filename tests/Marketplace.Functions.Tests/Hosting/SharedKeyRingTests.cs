using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Marketplace.Core.Access;
using Marketplace.Functions.StorageWiring;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Hosting;

/// <summary>
/// Flex Consumption runs several instances and scales to zero: what one instance protects (antiforgery tokens, the
/// sign-in cookie) must open on another. Each test runs two real app instances on one Azurite.
/// </summary>
public sealed partial class SharedKeyRingTests
{
    private static Task<MarketplaceApp> InstanceAsync(string prefix, X509Certificate2? certificate = null, X509Certificate2? earlier = null) =>
        MarketplaceApp.StartAsync(
            overrides: new Dictionary<string, string?> { ["Storage:NamePrefix"] = prefix },
            services: certificate is null ? null : s => s.ProtectKeyRingWith(_ => certificate,
                (_, thumbprint) => earlier is not null && earlier.Thumbprint == thumbprint ? earlier : null));

    private static async Task<HttpStatusCode> SignOutOnAsync(MarketplaceApp issuer, MarketplaceApp receiver)
    {
        // The sign-in page shows its forms (and their antiforgery tokens) once there is someone to sign in as.
        await issuer.Services.GetRequiredService<CatalogueTables>().Users.WriteAsync("usr-key-ring",
            new UserProfile { Id = "usr-key-ring", DisplayName = "Marketplace Administrator", Role = "Admin" });
        using var first = issuer.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await first.GetAsync("/sign-in");
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);

        using var second = receiver.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = new HttpRequestMessage(HttpMethod.Post, "/sign-out")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
            Headers = { { "Cookie", cookie } },
        };
        return (await second.SendAsync(form)).StatusCode;
    }

    [Fact]
    public async Task An_antiforgery_token_from_one_instance_is_accepted_by_another_sharing_the_key_ring()
    {
        var prefix = Marketplace.Testing.UniqueNames.Prefix();
        await using var one = await InstanceAsync(prefix);
        await using var two = await InstanceAsync(prefix);

        Assert.Equal(HttpStatusCode.Redirect, await SignOutOnAsync(one, two));
    }

    [Fact]
    public async Task An_instance_with_another_key_ring_refuses_the_token()
    {
        await using var one = await InstanceAsync(Marketplace.Testing.UniqueNames.Prefix());
        await using var other = await InstanceAsync(Marketplace.Testing.UniqueNames.Prefix());

        Assert.Equal(HttpStatusCode.BadRequest, await SignOutOnAsync(one, other));
    }

    [Fact]
    public async Task A_sign_in_cookie_protected_by_one_instance_opens_on_another_and_the_stored_keys_are_encrypted_to_the_certificate()
    {
        using var certificate = SelfSigned();
        var prefix = Marketplace.Testing.UniqueNames.Prefix();
        await using var one = await InstanceAsync(prefix, certificate);
        await using var two = await InstanceAsync(prefix, certificate);
        // The purposes the cookie handler protects its ticket with.
        string[] purposes = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "MarketplaceWeb", "v2"];

        var cookie = one.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Protect("ticket of a signed-in commissioner");
        var opened = two.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Unprotect(cookie);

        Assert.Equal("ticket of a signed-in commissioner", opened);
        var blob = new BlobServiceClient(one.Azurite.ConnectionString).GetBlobContainerClient(one.Names.DataProtectionContainer).GetBlobClient(BlobKeyRepository.BlobName);
        var ring = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("EncryptedData", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", ring, StringComparison.Ordinal);
        Assert.Single(AddedKeys().Matches(ring));
    }

    [Fact]
    public async Task The_key_ring_is_read_and_created_on_first_use_not_while_the_app_starts()
    {
        // Off the cold start: an instance woken for an API call or a health probe never touches the key ring.
        var prefix = Marketplace.Testing.UniqueNames.Prefix();
        await using var app = await InstanceAsync(prefix);
        var blob = new BlobServiceClient(app.Azurite.ConnectionString).GetBlobContainerClient(app.Names.DataProtectionContainer).GetBlobClient(BlobKeyRepository.BlobName);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        Assert.False((await blob.ExistsAsync()).Value);

        await using var other = await InstanceAsync(prefix);
        Assert.Equal(HttpStatusCode.Redirect, await SignOutOnAsync(app, other));
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task After_the_certificate_is_renewed_an_instance_still_opens_what_was_protected_under_the_earlier_one()
    {
        using var before = SelfSigned();
        using var renewed = SelfSigned();
        var prefix = Marketplace.Testing.UniqueNames.Prefix();
        await using var old = await InstanceAsync(prefix, before);
        string[] purposes = ["antiforgery-like payload"];
        var protectedBefore = old.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Protect("issued before renewal");

        await using var restarted = await InstanceAsync(prefix, renewed, earlier: before);

        Assert.Equal("issued before renewal", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Unprotect(protectedBefore));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=telecare-marketplace-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<key id=")]
    private static partial Regex AddedKeys();
}
