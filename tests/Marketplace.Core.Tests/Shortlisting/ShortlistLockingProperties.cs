using System.Text.Json;
using FsCheck.Xunit;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>Locking over generated catalogues: the snapshot alone reproduces the listed entries, whatever is cut off.</summary>
public sealed class ShortlistLockingProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ShortlistContext Context = new("Template", "fw", "FW-1", "Framework", "Lot", "Commissioner");

    private static ShortlistDocument Draft(Scenario scenario, int maxResults)
    {
        var specification = new SpecificationDocument
        {
            Id = "spec-1", CommissionerId = "commissioner", Title = "Generated", TemplateId = scenario.Specification.TemplateId,
            TemplateVersion = scenario.Specification.TemplateVersion, LotId = scenario.Specification.LotId, Region = scenario.Specification.Region,
            Volume = scenario.Specification.Volume, ContractMonths = scenario.Specification.ContractMonths, BudgetGbp = scenario.Specification.BudgetGbp,
            Weights = scenario.Specification.Weights, Values = scenario.Specification.Values,
        };
        return ShortlistLocking.Draft("sl-1", specification, scenario.Template, scenario.Input, scenario.Score(), maxResults, Context, Now, "user");
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Rescoring_the_snapshot_gives_the_listed_entries_for_any_cut(Scenario scenario)
    {
        var draft = Draft(scenario, 1 + (scenario.Seed & 1));
        return ShortlistLocking.RescoredHashOf(draft.Snapshot) == ShortlistLocking.HashOf(draft.Snapshot, draft.Result.Entries);
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool A_lock_succeeds_exactly_when_something_is_listed_and_survives_a_storage_round_trip(Scenario scenario)
    {
        var (locked, conflict) = ShortlistLocking.Lock(Draft(scenario, 2), Now, "user");
        if (locked is null)
        {
            return conflict!.Value.Code == ShortlistLocking.Empty && scenario.Score().Entries.Count == 0;
        }
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = JsonSerializer.Deserialize<ShortlistDocument>(JsonSerializer.Serialize(locked, web), web)!;
        return ShortlistLocking.HashOf(stored.Snapshot, stored.Result.Entries) == locked.Lock!.Sha256
            && ShortlistLocking.RescoredHashOf(stored.Snapshot) == locked.Lock.Sha256;
    }

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Altering_a_snapshotted_offering_changes_the_hash(Scenario scenario)
    {
        var draft = Draft(scenario, 2);
        if (draft.Snapshot.Offerings.Count == 0)
        {
            return true;
        }
        var altered = draft.Snapshot with
        {
            Offerings = [.. draft.Snapshot.Offerings.Select((c, i) => i == 0 ? c with { Offering = c.Offering with { Name = c.Offering.Name + " (edited)" } } : c)],
        };
        return ShortlistLocking.HashOf(altered, draft.Result.Entries) != ShortlistLocking.HashOf(draft.Snapshot, draft.Result.Entries);
    }
}
