using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Tokens;
using Serverless.Engine.Definitions;

namespace Serverless.Approvals.Notify;

/// <summary>Mints the signed tokens of one notification for one approver. Nonces derive from the activity's
/// idempotency key, so a retried notification sends the same links.</summary>
public sealed class DecisionLinks(DecisionTokenCodec codec, IOptionsMonitor<ApprovalOptions> options, TimeProvider time)
{
    public const string RoutePrefix = "/api/approvals/";

    public string Token(ApprovalRequest request, string approver, string decision, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiresAt = request.DeadlineAt ?? time.GetUtcNow() + options.CurrentValue.LinkLifetime;
        var nonce = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}\n{approver}\n{decision}")).AsSpan(0, 12));
        return codec.Sign(new DecisionToken(request.InstanceId, request.GateId, decision, approver, expiresAt, nonce));
    }

    public string Url(string token) => options.CurrentValue.BaseUrl.TrimEnd('/') + RoutePrefix + token;

    /// <summary>Approve, reject and request-changes links, in that order.</summary>
    public IReadOnlyList<(string Decision, string Url)> ForApprover(ApprovalRequest request, string approver, string idempotencyKey) =>
        ApprovalDecisions.Human.Select(d => (d, Url(Token(request, approver, d, idempotencyKey)))).ToList();
}
