using System.Text;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Workflows;

namespace Serverless.Api.Security;

/// <summary>
/// The canonical string our signed webhooks cover (docs/webhooks.md, docs/host.md): everything that decides what a
/// request does, so a captured request cannot be resent with another Idempotency-Key or query and start something
/// else. UTF-8 bytes of <c>timestamp LF METHOD LF path[?query] LF idempotency-key LF</c>, then the raw body bytes.
/// </summary>
public static class SignedRequest
{
    /// <summary>The bytes before the body: X-Signature-Timestamp, the method in upper case, the path and query as sent
    /// (the query with its "?", or nothing), the Idempotency-Key header ("" when absent), each followed by "\n".</summary>
    public static byte[] CanonicalPrefix(HttpRequest request, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathAndQuery = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var key = request.Headers[StartInstanceHandler.IdempotencyKeyHeader].ToString();
        return Encoding.UTF8.GetBytes($"{timestamp}\n{request.Method.ToUpperInvariant()}\n{pathAndQuery}\n{key}\n");
    }
}
