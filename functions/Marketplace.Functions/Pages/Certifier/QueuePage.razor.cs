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

namespace Marketplace.Functions.Pages.Certifier;

public partial class QueuePage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/certifier/queue", HandleAsync).WithName("CertifierQueuePage").WithSummary("The certification body's queue.").AsWebPage()
            .AllowRoles(MarketplaceRole.Certifier);

    private static async Task<IResult> HandleAsync(HttpContext http, Actor actor, ReadCertifierQueue read, string? done, string? id, CancellationToken ct)
    {
        var queue = await read.RunAsync(actor, actor.OrganisationId ?? "", ct);
        if (!queue.Succeeded)
        {
            return await PageErrors.ResultAsync(http, queue.Failure);
        }
        var page = await PageContext.ForAsync(http);
        var message = done switch
        {
            "verify" => $"Attestation {id} verified. Its standard now shows in search.",
            "reject" => $"Attestation {id} rejected. The supplier can see your reason.",
            _ => null,
        };
        return Views.Of<QueuePage>(new Model(page, page.Viewer?.OrganisationName ?? queue.Value.CertifierId, queue.Value.Attestations, message));
    }
}
