namespace Marketplace.Schemas;

/// <summary>
/// One rule a document breaks: where (a JSON path: <c>$</c> is the document, then <c>.name</c> or <c>['odd name']</c>
/// for a member and <c>[2]</c> for an array item, e.g. <c>$.price.amountGbp</c>, <c>$.regions[2]</c>) and what is
/// wrong there, in plain English (<c>is required</c>, <c>is not allowed here</c>, <c>must be a date (YYYY-MM-DD)</c>).
/// A missing property is reported at its own path.
/// </summary>
public sealed record SchemaError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
