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
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Schemas;

namespace Marketplace.Functions.Pages.Commissioner;

public partial class SpecificationFormPage
{
    private string? ErrorFor(string field) => Data.Errors.FirstOrDefault(e => e.FieldId == field || e.FieldId == field + "-0")?.Message;

    /// <summary>What was typed (after a refused post) or the template's default.</summary>
    private string? Field(string name, string? fallback = null) =>
        Data.Posted is { } posted ? (posted.TryGetValue(name, out var v) ? string.Join(",", v) : "") : fallback;

    private IReadOnlyList<string> Values(string name, IReadOnlyList<string> defaults) =>
        Data.Posted is { } posted ? (posted.TryGetValue(name, out var v) ? v : []) : defaults;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/specifications/new", ShowAsync).WithName("NewSpecificationPage").WithSummary("Form to write a specification from a template.").AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner);
        app.MapPost("/specifications/new", CreateAsync).WithName("CreateSpecificationForm").WithSummary("Saves a specification.").AsWebPage()
            .AllowRoles(MarketplaceRole.Commissioner);
    }

    private static async Task<IResult> ViewAsync(HttpContext http, string? templateId, string? version, IReadOnlyDictionary<string, string[]>? posted,
        IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var templates = http.RequestServices.GetRequiredService<Templates>();
        var frameworks = http.RequestServices.GetRequiredService<Marketplace.Core.Frameworks.IFrameworks>();
        var labels = http.RequestServices.GetRequiredService<PageLabels>();
        var page = await PageContext.ForAsync(http);
        if (string.IsNullOrEmpty(templateId))
        {
            var all = await templates.LatestAsync(ct);
            return Views.Of<SpecificationFormPage>(new Model(page, all, null, [], null, [], labels));
        }
        var found = await FindTemplateAsync(templates, templateId, version, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var lots = new List<(string, string, int)>();
        foreach (var framework in await frameworks.ListAsync(ct))
        {
            lots.AddRange(framework.Lots.Select(l => (l.Id, $"{framework.Reference} lot {l.Number}: {l.Name} ({framework.Status})", l.Number)));
        }
        return Views.Of<SpecificationFormPage>(new Model(page, [], found.Value.Template, lots, posted, errors, labels),
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Task<IResult> ShowAsync(HttpContext http, string? template, string? version, CancellationToken ct) => ViewAsync(http, template, version, null, [], ct);

    // A version that is not a whole number is simply not found, as on the API.
    private static Task<Outcome<TemplateVersion>> FindTemplateAsync(Templates templates, string templateId, string? version, CancellationToken ct) =>
        templates.FindAsync(templateId, version is null ? null : int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, ct);

    private static async Task<IResult> CreateAsync(HttpContext http, Actor actor, Templates templates, CreateSpecification create, DocumentSchemas schemas, CancellationToken ct)
    {
        var (form, refusal) = await PageForms.ReadAsync(http);
        if (form is null)
        {
            return refusal!;
        }
        var posted = form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        var templateId = form.Text("templateId");
        var version = form.Text("templateVersion");
        var found = await FindTemplateAsync(templates, templateId, version, ct);
        if (!found.Succeeded)
        {
            return await PageErrors.ResultAsync(http, found.Failure);
        }
        var template = found.Value.Template;
        var errors = new List<FieldError>();
        JsonNode? Number(string field, string label, bool whole, string? text = null)
        {
            var raw = (text ?? form.Text(field)).Replace(",", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal).Trim();
            if (raw.Length == 0)
            {
                return null;
            }
            if (whole && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return JsonValue.Create(i);
            }
            if (!whole && decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            {
                return JsonValue.Create(d);
            }
            errors.Add(new FieldError(field, $"{label} must be {(whole ? "a whole number" : "an amount in pounds, like 250000")}"));
            return null;
        }

        var weights = new JsonObject();
        var values = new JsonObject();
        foreach (var requirement in template.Requirements)
        {
            if (requirement.Kind == RequirementKind.Criterion && Number($"weight-{requirement.Id}", $"The weight of \u201c{requirement.Text}\u201d", whole: true) is { } weight)
            {
                weights[requirement.Id] = weight;
            }
            var field = $"value-{requirement.Id}";
            switch (requirement.Rule.TakesValue)
            {
                case RuleValueKind.Slugs:
                    var chosen = form.Values(field);
                    // Only a change from the template's list is sent; an empty choice keeps the template's.
                    if (chosen.Count > 0 && !chosen.Order(StringComparer.Ordinal).SequenceEqual(RuleText.Defaults(requirement.Rule).Order(StringComparer.Ordinal)))
                    {
                        values[requirement.Id] = new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c))]);
                    }
                    break;
                case RuleValueKind.Region when form.Text(field) is { Length: > 0 } text && text != RuleText.Defaults(requirement.Rule).FirstOrDefault():
                    values[requirement.Id] = text;
                    break;
                case RuleValueKind.Days when form.Text(field) != RuleText.Defaults(requirement.Rule).FirstOrDefault() && Number(field, "Most days allowed", whole: true) is { } days:
                    values[requirement.Id] = days;
                    break;
            }
        }
        var body = new JsonObject
        {
            ["title"] = form.Text("title"),
            ["templateId"] = template.Id,
            ["templateVersion"] = template.Version,
            ["lotId"] = form.Text("lotId"),
            ["region"] = form.Text("region"),
            ["weights"] = weights,
            ["values"] = values,
        };
        foreach (var (name, field, label) in new[] { ("volume", "volume", "Volume"), ("contractMonths", "contract-months", "Contract length") })
        {
            if (Number(field, label, whole: true) is { } n)
            {
                body[name] = n;
            }
        }
        if (Number("budget", "Budget", whole: false) is { } budget)
        {
            body["budgetGbp"] = budget;
        }
        var typed = errors.Select(e => e.FieldId).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(schemas.Validate("specification.schema.json", body)
            .Select(e => Error(e.Path, e.Message, template))
            .Where(e => !typed.Contains(e.FieldId)));
        if (errors.Count > 0)
        {
            return await ViewAsync(http, template.Id, version, posted, Distinct(errors), ct);
        }
        var created = await create.RunAsync(actor, body.Deserialize<SpecificationDraft>(JsonSerializerOptions.Web)!, ct);
        if (created.Succeeded)
        {
            return Results.Redirect($"/specifications/{created.Value.Document.Id}?done=created");
        }
        if (created.Failure.Kind != FailureKind.Invalid)
        {
            return await PageErrors.ResultAsync(http, created.Failure);
        }
        var byField = created.Failure.Errors.SelectMany(e => e.Value.Select(m => Error(e.Key, m, template))).ToList();
        return await ViewAsync(http, template.Id, version, posted, Distinct(byField), ct);
    }

    private static IReadOnlyList<FieldError> Distinct(List<FieldError> errors) => [.. errors.GroupBy(e => e.FieldId).Select(g => g.First())];

    /// <summary>An error at a JSON path (<c>$.volume</c>) or an API field name (<c>weights.alert-limits</c>) as the form field it is about.</summary>
    private static FieldError Error(string path, string message, KeyRequirementsTemplate template)
    {
        var key = path.TrimStart('$', '.');
        if (RuleText.RequirementKey().Match(key) is { Success: true } m)
        {
            var kind = m.Groups[1].Value;
            var id = m.Groups[2].Value;
            var text = template.Requirements.FirstOrDefault(r => r.Id == id)?.Text ?? id;
            return new FieldError(kind == "weights" ? $"weight-{id}" : $"value-{id}", $"{(kind == "weights" ? "The weight of" : "The value for")} \u201c{text}\u201d {message}");
        }
        return key switch
        {
            "title" => new FieldError("title", "Title " + message),
            "lotId" => new FieldError("lot", "Framework lot: " + message),
            "region" => new FieldError("region", "Region " + message),
            "volume" => new FieldError("volume", "Volume " + message),
            "contractMonths" => new FieldError("contract-months", "Contract length " + message),
            "budgetGbp" => new FieldError("budget", "Budget " + message),
            "weights" => new FieldError($"weight-{template.Requirements.FirstOrDefault(r => r.Kind == RequirementKind.Criterion)?.Id}", "Weights: " + message),
            _ => new FieldError("title", $"{key}: {message}"),
        };
    }
}
