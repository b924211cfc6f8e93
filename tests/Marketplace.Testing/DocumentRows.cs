using Marketplace.Core.Outcomes;
using Marketplace.Storage;

namespace Marketplace.Testing;

/// <summary>
/// Test set-up writes through the public API of <see cref="DocumentTable{T}"/>, so rows carry exactly the columns
/// production writes (query columns such as Kind, SupplierId, Status included).
/// </summary>
public static class DocumentRows
{
    /// <summary>Who replaced a row, as recorded on the history row a replacement keeps.</summary>
    public const string ChangedBy = "test-set-up";

    private const int Attempts = 5;

    /// <summary>
    /// Writes <paramref name="document"/> (whose id is <paramref name="id"/>) whatever is stored: added when absent,
    /// otherwise replaced at its current ETag. A replacement keeps the old version as a history row, as every
    /// production edit does; audit events are not involved.
    /// </summary>
    public static async Task<StoredDocument<T>> WriteAsync<T>(this DocumentTable<T> table, string id, T document, CancellationToken ct = default)
        where T : class
    {
        // Another writer (a background job) may get in between the read and the write; then read again and retry.
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.FindAsync(id, ct);
            var written = stored is null
                ? await table.AddAsync(document, ct)
                : await table.ReplaceKeepingHistoryAsync(document, stored.Document, stored.ETag, ChangedBy, DateTimeOffset.UtcNow, ct);
            if (written is not null)
            {
                return written;
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Row {id} of {table.Client.Name} kept changing; {Attempts} writes were refused.");
            }
        }
    }
}
