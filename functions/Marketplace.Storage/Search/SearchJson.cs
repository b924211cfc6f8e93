using System.Text.Json;

namespace Marketplace.Storage.Search;

internal static class SearchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
