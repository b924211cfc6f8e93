using System.Diagnostics;
using System.Globalization;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Scores a specification against the catalogue now and stores a draft shortlist: the ranked entries with every
/// criterion explained, the exclusions with every failed gate, the counts, and a snapshot of what was scored.
/// </summary>
public sealed class CreateShortlist(CommissionerAccess access, SpecificationCheck check, IShortlistCandidates candidates,
    ICommissionerRecords<ShortlistDocument> shortlists, IOrganisations organisations, TimeProvider clock)
{
    /// <summary>How long each step took, for the log: finding and checking the specification (its template and framework), reading, scoring, storing.</summary>
    public sealed record Timings(TimeSpan Check, TimeSpan Read, TimeSpan Score, TimeSpan Store, int Offerings, int Attestations);

    /// <summary>The stored draft and its timings, or why not (404, 403, 400 by field).</summary>
    public async Task<Outcome<(StoredDocument<ShortlistDocument> Shortlist, Timings Timings)>> RunAsync(
        Actor actor, string specificationId, int maxResults, CancellationToken ct)
    {
        var checking = Stopwatch.GetTimestamp();
        var found = await access.SpecificationAsync(actor, specificationId, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        if (maxResults is < 1 or > ShortlistLocking.MaxResultsLimit)
        {
            return Failure.Invalid("maxResults", $"must be a whole number from 1 to {ShortlistLocking.MaxResultsLimit}");
        }
        var specification = found.Value.Document;
        // Without the commissioner's type: rules for writing a specification (the NHS social-value share) never stop a stored one scoring.
        var checkedSpecification = await check.RunAsync(specification, null, ct);
        if (!checkedSpecification.Succeeded)
        {
            return checkedSpecification.Failure;
        }
        var (template, framework) = checkedSpecification.Value;
        var now = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var checkedIn = Stopwatch.GetElapsedTime(checking, started);
        // The commissioner's name is one more storage round trip: it is looked up while the candidates are read.
        var commissionerLookup = organisations.FindAsync(specification.CommissionerId, ct);
        var reading = candidates.LoadAsync(framework, specification.LotId, DateOnly.FromDateTime(now.UtcDateTime), specification.CommissionerId, ct);
        await Task.WhenAll(commissionerLookup, reading);
        var input = await reading;
        var read = Stopwatch.GetElapsedTime(started);
        var scored = Scorer.Score(template, specification.ToSpecification(), input);
        var score = Stopwatch.GetElapsedTime(started) - read;
        var lot = framework.Lots.First(l => l.Id == specification.LotId);
        var commissioner = (await commissionerLookup)?.Name ?? specification.CommissionerId;
        var context = new ShortlistContext(template.Name, framework.Id, framework.Reference, framework.Name, lot.Name, commissioner);
        var shortlist = ShortlistLocking.Draft($"sl-{Guid.NewGuid():N}"[..15], specification, template, input, scored, maxResults, context, now, actor.UserId);
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Shortlist, shortlist.Id, "create", null, ShortlistStatus.Draft, now)
            with
            {
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"From specification {specification.Id} ({specification.Title}): {shortlist.Counts.Considered} offerings considered, {shortlist.Counts.Eligible} eligible, {shortlist.Counts.Listed} listed, {shortlist.Counts.Excluded} excluded in the lot"),
            };
        if (await shortlists.AddAsync(shortlist, created, ct) is not { } saved)
        {
            return Failure.Conflict("Could not allocate a shortlist id.", "Please try again.");
        }
        return (saved, new Timings(checkedIn, read, score, Stopwatch.GetElapsedTime(started) - read - score, input.Offerings.Count, input.Attestations.Count));
    }
}
