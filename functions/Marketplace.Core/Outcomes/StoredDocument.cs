namespace Marketplace.Core.Outcomes;

/// <summary>A document as stored, with the version (ETag) a change to it must name.</summary>
public sealed record StoredDocument<T>(T Document, string ETag);
