using Marketplace.Core.Progress;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Shortlisting;
using System.Runtime.CompilerServices;

namespace Marketplace.Storage.Progress;

/// <summary>Awarded shortlists, read from the shortlists table: only locked ones can carry an outcome.</summary>
public sealed class TableAwardRecords(ShortlistingTables tables) : IAwardRecords
{
    public async IAsyncEnumerable<ShortlistDocument> AwardedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var shortlist in tables.Shortlists.Table.ListAsync(TableFilter.Equal("Status", ShortlistStatus.Locked), ct))
        {
            if (shortlist.Outcome is { Result: CallOffResult.Awarded })
            {
                yield return shortlist;
            }
        }
    }
}
