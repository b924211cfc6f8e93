using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Core.Access;
using Marketplace.Functions.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Access;

/// <summary>
/// Every route × every role (and no token): the declared rule is what the app enforces. The organisation dimension
/// (own organisation / other organisations) is in <see cref="OrganisationMatrixTests"/>.
/// </summary>
public sealed partial class AccessMatrixTests
{
    [Fact]
    public async Task Every_route_declares_an_access_rule()
    {
        await using var app = await MarketplaceApp.StartAsync();

        var missing = Routes(app).Where(r => r.Metadata.GetMetadata<AccessRule>() is null).Select(r => r.DisplayName).ToList();

        Assert.True(missing.Count == 0, "Routes without an access rule: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_route_answers_each_caller_as_its_rule_says()
    {
        await using var app = await MarketplaceApp.StartAsync();
        var callers = new List<(string Name, MarketplaceRole? Role, HttpClient Client)> { ("no token", null, app.CreateClient()) };
        foreach (var role in Enum.GetValues<MarketplaceRole>())
        {
            callers.Add((role.ToString(), role, await app.ClientForAsync(role)));
        }
        var failures = new List<string>();

        foreach (var route in Routes(app))
        {
            var rule = route.Metadata.GetMetadata<AccessRule>()!;
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                foreach (var (name, role, client) in callers)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), "/" + Placeholder().Replace(route.RoutePattern.RawText!.TrimStart('/'), "matrix-test"));
                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }
                    var status = (await client.SendAsync(request)).StatusCode;
                    var expected = Expected(rule, role);
                    var ok = expected is null ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) : status == expected;
                    if (!ok)
                    {
                        failures.Add($"{method} {route.RoutePattern.RawText} as {name}: got {(int)status}, expected {(expected is null ? "access" : ((int)expected).ToString())}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Null means "let in" (any status but 401/403: the request itself may still be invalid).
    private static HttpStatusCode? Expected(AccessRule rule, MarketplaceRole? role) => rule.Kind switch
    {
        AccessKind.Anyone => null,
        AccessKind.FunctionsHost => role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden,
        _ when role is null => HttpStatusCode.Unauthorized,
        _ => rule.Roles.Contains(role.Value) ? null : HttpStatusCode.Forbidden,
    };

    private static List<RouteEndpoint> Routes(MarketplaceApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
