using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Functions.Pages;
using Marketplace.Functions.Pages.Shared;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Pages.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Functions.Shortlisting;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Functions.Pages.SignIn;

public partial class SignInPage
{
    public sealed record Person(string Id, string DisplayName, string Role, string? OrganisationName);

    private static readonly string[] RoleOrder = ["Commissioner", "Supplier", "Certifier", "Association", "Admin"];

    private static string RoleHeading(string role) => role switch
    {
        "Commissioner" => "Commissioners",
        "Supplier" => "Suppliers",
        "Association" => "Trade associations",
        "Certifier" => "Certification bodies",
        "Admin" => "Marketplace administrators",
        _ => role,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", ShowAsync).WithName("SignInPage").WithSummary("Sign-in page.").AsWebPage().AllowAnyone();
        app.MapPost("/sign-in", SignInAsync).WithName("SignInForm").WithSummary("Signs a person in.").AsWebPage().AllowAnyone();
        app.MapPost("/sign-out", SignOutAsync).WithName("SignOutForm").WithSummary("Signs the person out.").AsWebPage().AllowAnyone();
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string? returnUrl, CancellationToken ct) =>
        await ViewAsync(http, LocalOrNull(returnUrl), null, ct);

    private static async Task<IResult> ViewAsync(HttpContext http, string? returnUrl, IReadOnlyList<FieldError>? errors, CancellationToken ct)
    {
        var page = await PageContext.ForAsync(http);
        var people = new List<Person>();
        if (page.Development)
        {
            var organisations = await http.RequestServices.GetRequiredService<IOrganisations>().ListAsync(null, ct);
            var names = organisations.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
            foreach (var user in await http.RequestServices.GetRequiredService<IUserProfiles>().ListAsync(ct))
            {
                people.Add(new Person(user.Id, user.DisplayName, user.Role, user.OrganisationId is { } o ? names.GetValueOrDefault(o, o) : null));
            }
        }
        var ordered = people
            .OrderBy(p => Array.IndexOf(RoleOrder, p.Role) is var i and >= 0 ? i : RoleOrder.Length)
            .ThenBy(p => p.OrganisationName ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.DisplayName, StringComparer.Ordinal)
            .ToList();
        return Views.Of<SignInPage>(new Model(page, ordered, returnUrl, errors), errors is { Count: > 0 } ? 400 : 200);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IUserProfiles users, CancellationToken ct)
    {
        var (form, refusal) = await PageForms.ReadAsync(http);
        if (form is null)
        {
            return refusal!;
        }
        var returnUrl = LocalOrNull(form.Text("returnUrl"));
        var environment = http.RequestServices.GetRequiredService<IWebHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            // Entra ID: the OpenID Connect handler redirects to Microsoft and back, then the cookie remembers the person.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl ?? "/catalogue" }, [Authentication.WebChallengeScheme]);
        }
        var userId = form.Text("userId");
        var user = await users.FindAsync(userId, ct);
        if (user is null || !Enum.TryParse<MarketplaceRole>(user.Role, ignoreCase: false, out var role))
        {
            return await ViewAsync(http, returnUrl, [new FieldError("role-commissioner", "Choose one of the people listed.")], ct);
        }
        var issuer = http.RequestServices.GetRequiredService<DevTokenIssuer>();
        var token = issuer.Issue(role, user.OrganisationId, user.Id, user.DisplayName);
        http.Response.Cookies.Append(Authentication.SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = DevTokenIssuer.Lifetime,
            IsEssential = true,
        });
        return Results.Redirect(returnUrl ?? HomeOf(role));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IConfiguration configuration)
    {
        var (form, refusal) = await PageForms.ReadAsync(http);
        if (form is null)
        {
            return refusal!;
        }
        http.Response.Cookies.Delete(Authentication.SessionCookie, new CookieOptions { Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        if (Authentication.HasEntra(configuration) && (await http.AuthenticateAsync(Authentication.WebScheme)).Succeeded)
        {
            // Signed in through Entra ID: the app's cookie goes, and so does the session at Entra ID (its end-session
            // endpoint, back through /signout-callback-oidc); otherwise the next challenge would sign the person
            // straight back in without asking.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/sign-in" }, [Authentication.WebScheme, Authentication.WebChallengeScheme]);
        }
        return Results.Redirect("/sign-in");
    }

    /// <summary>Where each role starts.</summary>
    public static string HomeOf(MarketplaceRole role) => role switch
    {
        MarketplaceRole.Supplier => "/supplier",
        MarketplaceRole.Certifier => "/certifier/queue",
        _ => "/catalogue",
    };

    /// <summary>Only paths on this site are followed after sign-in (no open redirect).</summary>
    public static string? LocalOrNull(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains("://", StringComparison.Ordinal) ? url : null;
}
