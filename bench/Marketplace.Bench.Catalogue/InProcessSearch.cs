using System.Diagnostics;
using Marketplace.Core.Catalogue.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Bench.Catalogue;

/// <summary>Search latency through the search adapter itself, with the same query mix as over HTTP.</summary>
public static class InProcessSearch
{
    public static async Task<Latency> MeasureAsync(ICatalogueSearch search, int queries)
    {
        var parsed = QueryMix.QueryStrings
            .Select(q => CatalogueQueryParser.Parse(QueryHelpers.ParseQuery(q).ToDictionary(p => p.Key, p => p.Value.ToString())))
            .Select(r => r.Query ?? throw new InvalidOperationException("A benchmark query is invalid: " + string.Join("; ", r.Errors.Keys)))
            .ToArray();
        foreach (var warm in parsed)
        {
            await search.SearchAsync(warm, CancellationToken.None);
        }
        var timings = new List<double>(queries);
        var cpu = Latency.Cpu();
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await search.SearchAsync(parsed[i % parsed.Length], CancellationToken.None);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Latency.Of(timings, Latency.Cpu() - cpu);
    }
}
