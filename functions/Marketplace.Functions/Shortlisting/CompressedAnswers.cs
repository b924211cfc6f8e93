using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Functions.Shortlisting;

/// <summary>
/// Compresses a route's successful answer for a client that asks (<c>Accept-Encoding: br</c> or <c>gzip</c>), as browsers do.
/// A shortlist explains up to a thousand exclusions: about 1.6 MB of JSON that Brotli packs to ~25 KB in a few
/// milliseconds, which every hop (the Functions host forwards the whole body) and the client then need not carry.
/// </summary>
public static class CompressedAnswers
{
    public static TBuilder CompressedForClientsThatAsk<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var answer = await next(context);
            var response = context.HttpContext.Response;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            return answer is IResult result && Succeeded(result) && EncodingFor(context.HttpContext.Request) is { } encoding
                ? new Compressed(result, encoding)
                : answer;
        });

    // Problem answers stay plain: they are small, and a client reading an error should not need to decode it.
    private static bool Succeeded(IResult result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    /// <summary>br when the client accepts it, else gzip, else null.</summary>
    private static string? EncodingFor(HttpRequest request) =>
        request.Accepts("br") ? "br" : request.Accepts("gzip") ? "gzip" : null;

    // Quality 1 (CompressionLevel.Fastest) fed a few kilobytes at a time packed the seed's 113 KB answer only to 37 KB,
    // where gzip's fastest gave under a quarter; quality 4 packs a whole 1.6 MB answer in ~3 ms of CPU.
    private const int BrotliQuality = 4;

    private sealed class Compressed(IResult inner, string encoding) : IResult, INestedHttpResult
    {
        public IResult Result => inner;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var plain = httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            httpContext.Response.Headers.ContentEncoding = encoding;
            await using var compressed = encoding == "br"
                ? (Stream)new BrotliStream(plain.Stream, new BrotliCompressionOptions { Quality = BrotliQuality }, leaveOpen: true)
                : new GZipStream(plain.Stream, CompressionLevel.Fastest, leaveOpen: true);
            var body = new StreamResponseBodyFeature(new FlushedOnlyAtTheEnd(compressed), plain);
            httpContext.Features.Set<IHttpResponseBodyFeature>(body);
            try
            {
                await inner.ExecuteAsync(httpContext);
                // Hands what the answer wrote through the body's pipe to the compressor; disposing it writes the rest.
                await body.CompleteAsync();
            }
            finally
            {
                httpContext.Features.Set(plain);
            }
        }
    }

    /// <summary>
    /// A compressor told to flush ends its block there, and the serializer may flush as it writes; the compressor writes
    /// everything when disposed, so flushing is left to that.
    /// </summary>
    private sealed class FlushedOnlyAtTheEnd(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
