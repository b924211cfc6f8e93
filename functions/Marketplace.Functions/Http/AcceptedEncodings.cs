using Microsoft.Net.Http.Headers;

namespace Marketplace.Functions.Http;

/// <summary>What a client's <c>Accept-Encoding</c> allows: one reading for the compressed answers and the kept search pages.</summary>
public static class AcceptedEncodings
{
    /// <summary>Whether the request's <c>Accept-Encoding</c> names <paramref name="encoding"/>; a <c>q=0</c> refuses it.</summary>
    public static bool Accepts(this HttpRequest request, string encoding) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Quality is not 0 && string.Equals(e.Value.Value, encoding, StringComparison.OrdinalIgnoreCase));
}
