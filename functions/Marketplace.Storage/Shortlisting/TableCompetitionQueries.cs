using Azure.Data.Tables;
using Marketplace.Core.CallOffs;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Competitions by status (for the timer) and by invited supplier (through the invitations index).</summary>
public sealed class TableCompetitionQueries(ShortlistingTables tables) : ICompetitionQueries
{
    public async Task<IReadOnlyList<Competition>> UnfinishedAsync(CancellationToken ct) =>
        await tables.Competitions.Table.ListAllAsync($"Status ne '{CompetitionStatus.Contracted}'", ct, ranges: 1);

    // Written before the competition: a row whose competition was never stored is skipped when read, while a
    // competition without its rows would hide an invitation.
    public async Task RecordInvitationsAsync(Competition competition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(competition);
        foreach (var invitation in competition.Invitations)
        {
            await tables.CompetitionInvitations.UpsertEntityAsync(new TableEntity(invitation.SupplierId, competition.Id), TableUpdateMode.Replace, ct);
        }
    }

    public async Task<IReadOnlyList<Competition>> InvitingAsync(string supplierId, CancellationToken ct)
    {
        var found = new List<Competition>();
        await foreach (var row in tables.CompetitionInvitations.QueryAsync<TableEntity>(e => e.PartitionKey == supplierId, select: ["RowKey"], cancellationToken: ct))
        {
            if (await tables.Competitions.Table.FindAsync(row.RowKey, ct) is { Document: var competition } && competition.Invites(supplierId))
            {
                found.Add(competition);
            }
        }
        return [.. found.OrderByDescending(c => c.CreatedAt)];
    }
}
