using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Marketplace.Testing;

/// <summary>One request the Azure SDK sent: method, path and query, and the JSON body (if any).</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// The Azure SDK's pluggable HTTP transport, replaced: every request is recorded and answered with canned JSON
/// from <c>respond</c>; nothing reaches a network. The SDK builds and serialises requests exactly as it would for
/// the real service, and parses the canned answers with its own models.
/// </summary>
public sealed class RecordingTransport : HttpPipelineTransport
{
    private readonly HttpClientTransport inner;

    public RecordingTransport(Func<RecordedRequest, (HttpStatusCode Status, string Json)> respond)
    {
        inner = new HttpClientTransport(new HttpClient(new CannedHandler(this, respond)));
    }

    public List<RecordedRequest> Requests { get; } = [];

    public override Request CreateRequest() => inner.CreateRequest();

    public override void Process(HttpMessage message) => inner.Process(message);

    public override ValueTask ProcessAsync(HttpMessage message) => inner.ProcessAsync(message);

    private sealed class CannedHandler(RecordingTransport owner, Func<RecordedRequest, (HttpStatusCode Status, string Json)> respond) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            SendAsync(request, cancellationToken).GetAwaiter().GetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, body);
            lock (owner.Requests)
            {
                owner.Requests.Add(recorded);
            }
            var (status, json) = respond(recorded);
            return new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
        }
    }
}
