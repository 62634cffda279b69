using Serverless.Storage.Dedup;

namespace Serverless.Approvals.Slack;

/// <summary>Refuses a signed Slack request seen before. Slack sends no request id for interactions, so the signature
/// (unique per timestamp and body) is the id; it is claimed in the shared dedup keys (table store) so every host
/// and every Functions worker agrees.</summary>
public sealed class SlackReplayGuard(IDedupKeys keys)
{
    /// <summary>Dedup scope (the table store partition) holding the signatures.</summary>
    public const string Scope = "approval-slack-requests";

    /// <summary>How long a signature is remembered: far beyond the signature check's window
    /// (<see cref="SlackSignature.MaxAge"/> either side of now), outside which a request is refused anyway.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromDays(1);

    /// <summary>True the first time a signature is seen.</summary>
    public Task<bool> FirstSeenAsync(string signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return keys.TryClaimAsync(Scope, signature.Trim().ToLowerInvariant(), Ttl, cancellationToken);
    }
}
