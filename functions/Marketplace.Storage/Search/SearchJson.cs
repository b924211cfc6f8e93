using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Core.Catalogue;

namespace Marketplace.Storage.Search;

/// <summary>The search document as the Lucene index keeps it, read and written by generated code (web names), not by reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OfferingSearchDocument))]
internal sealed partial class SearchJson : JsonSerializerContext;
