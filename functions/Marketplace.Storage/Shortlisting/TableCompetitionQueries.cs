using Marketplace.Core.CallOffs;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Competitions by status (for the timer) and by invited supplier.</summary>
public sealed class TableCompetitionQueries(ShortlistingTables tables) : ICompetitionQueries
{
    public async Task<IReadOnlyList<Competition>> UnfinishedAsync(CancellationToken ct) =>
        await tables.Competitions.Table.ListAllAsync($"Status ne '{CompetitionStatus.Contracted}'", ct, ranges: 1);

    // Tables cannot filter on a list member; competitions are few (one per locked shortlist that competes), so the
    // unfinished and finished ones are read and filtered here.
    public async Task<IReadOnlyList<Competition>> InvitingAsync(string supplierId, CancellationToken ct) =>
        [.. (await tables.Competitions.Table.ListAllAsync(null, ct, ranges: 1)).Where(c => c.Invites(supplierId)).OrderByDescending(c => c.CreatedAt)];
}
