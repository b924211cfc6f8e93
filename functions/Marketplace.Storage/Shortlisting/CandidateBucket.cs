using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Marketplace.Storage.Shortlisting;

/// <summary>
/// One row of a lot in the candidate projection: the candidates whose offering id hashes to this bucket, each entry's
/// JSON kept exactly as written (so an update copies the others instead of re-serialising them), with the suppliers of
/// those offerings. Stored packed (<see cref="PackedColumns.Buckets"/>).
/// </summary>
internal sealed class CandidateBucket
{
    /// <summary>How many offerings the bucket holds (read without unpacking it).</summary>
    public const string OfferingsColumn = "Offerings";

    private readonly SortedDictionary<string, (string SupplierId, string Json)> offerings = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> suppliers = new(StringComparer.Ordinal);

    public int Count => offerings.Count;

    /// <summary>Sets an offering's entry and its supplier's; true if anything changed.</summary>
    public bool Put(string offeringId, string supplierId, string offeringJson, string supplierJson)
    {
        var changed = !(offerings.TryGetValue(offeringId, out var had) && had == (supplierId, offeringJson));
        offerings[offeringId] = (supplierId, offeringJson);
        if (!(suppliers.TryGetValue(supplierId, out var supplier) && supplier == supplierJson))
        {
            suppliers[supplierId] = supplierJson;
            changed = true;
        }
        return Prune() || changed;
    }

    /// <summary>Takes an offering out (and its supplier, if no other offering here is theirs); true if it was here.</summary>
    public bool Remove(string offeringId)
    {
        var removed = offerings.Remove(offeringId);
        return Prune() || removed;
    }

    /// <summary>What the bucket holds, independent of how it was compressed: compared with what the records give.</summary>
    public string Digest() => DigestOf(
        offerings.Select(o => (o.Key, HashOf(o.Value.Json))),
        suppliers.Select(s => (s.Key, HashOf(s.Value))));

    /// <summary>The digest of a bucket holding these entries (each id with the hash of its JSON), in id order.</summary>
    public static string DigestOf(IEnumerable<(string Id, string Hash)> offeringEntries, IEnumerable<(string Id, string Hash)> supplierEntries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (id, entry) in offeringEntries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"o\n{id}\n{entry}\n"));
        }
        foreach (var (id, entry) in supplierEntries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"s\n{id}\n{entry}\n"));
        }
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    public static string HashOf(string json) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public TableEntity ToEntity(string lot, string bucket)
    {
        var json = new StringBuilder("{\"offerings\":[");
        json.AppendJoin(',', offerings.Values.Select(o => o.Json)).Append("],\"suppliers\":[").AppendJoin(',', suppliers.Values).Append("]}");
        var entity = new TableEntity(lot, bucket) { [OfferingsColumn] = offerings.Count };
        PackedColumns.Buckets.Write(entity, Encoding.UTF8.GetBytes(json.ToString()), "raise CandidateProjection.Buckets.");
        return entity;
    }

    /// <summary>The bucket's JSON (<c>{"offerings":[…],"suppliers":[…]}</c>), unpacked from its row.</summary>
    public static byte[] JsonOf(TableEntity row) => PackedColumns.Buckets.Read(row);

    public static CandidateBucket Read(TableEntity row)
    {
        var bucket = new CandidateBucket();
        using var document = JsonDocument.Parse(JsonOf(row));
        foreach (var entry in document.RootElement.GetProperty("offerings").EnumerateArray())
        {
            var offering = entry.GetProperty("offering");
            bucket.offerings[offering.GetProperty("id").GetString()!] = (offering.GetProperty("supplierId").GetString()!, entry.GetRawText());
        }
        foreach (var entry in document.RootElement.GetProperty("suppliers").EnumerateArray())
        {
            bucket.suppliers[entry.GetProperty("supplier").GetProperty("id").GetString()!] = entry.GetRawText();
        }
        return bucket;
    }

    private bool Prune()
    {
        var used = offerings.Values.Select(o => o.SupplierId).ToHashSet(StringComparer.Ordinal);
        var unused = suppliers.Keys.Where(id => !used.Contains(id)).ToList();
        unused.ForEach(id => suppliers.Remove(id));
        return unused.Count > 0;
    }
}
