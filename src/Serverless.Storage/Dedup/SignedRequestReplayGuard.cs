using System.Security.Cryptography;
using System.Text;

namespace Serverless.Storage.Dedup;

/// <summary>
/// Remembers the signed requests a host accepted (Slack interactions, the intake webhook, hmac webhook triggers),
/// so a byte-identical resend inside the signature's window is recognised on every host and every Functions worker.
/// The key is the SHA-256 of the presented signature (unique per secret and signed content), kept in the shared
/// <see cref="IDedupKeys"/> for <see cref="Window"/>; the value is what the first acceptance produced (an instance id).
/// </summary>
public sealed class SignedRequestReplayGuard(IDedupKeys keys)
{
    /// <summary>Allowance for clocks of different hosts and workers disagreeing.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>How long a signature is remembered from its first acceptance: a timestamp passes while it is within
    /// <paramref name="tolerance"/> of the clock either way, so a request signed at t is accepted from t - tolerance
    /// to t + tolerance; twice the tolerance plus <see cref="ClockSkew"/> covers all of it (11 minutes for 5).</summary>
    public static TimeSpan Window(TimeSpan tolerance) => (2 * tolerance) + ClockSkew;

    /// <summary>Claims the signature. The first claim is <see cref="ReplayClaim.IsFirst"/>; a later one carries the
    /// outcome recorded by the first (null while the first is still being handled).</summary>
    public async Task<ReplayClaim> ClaimAsync(string scope, string signature, TimeSpan tolerance, CancellationToken cancellationToken)
    {
        var key = Key(signature);
        if (await keys.TryClaimAsync(scope, key, Window(tolerance), cancellationToken))
        {
            return new ReplayClaim(true, null);
        }

        var recorded = await keys.GetValueAsync(scope, key, cancellationToken);
        return new ReplayClaim(false, string.IsNullOrEmpty(recorded) ? null : recorded);
    }

    /// <summary>Records what the first acceptance produced, for resends to be answered with.</summary>
    public Task RecordAsync(string scope, string signature, string outcome, TimeSpan tolerance, CancellationToken cancellationToken) =>
        keys.RecordValueAsync(scope, Key(signature), outcome, Window(tolerance), cancellationToken);

    /// <summary>Forgets a claim whose request was not accepted after all, so the same request can be sent again.</summary>
    public Task ReleaseAsync(string scope, string signature, CancellationToken cancellationToken) =>
        keys.ReleaseAsync(scope, Key(signature), cancellationToken);

    private static string Key(string signature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signature);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature.Trim().ToLowerInvariant())));
    }
}

/// <summary>The answer of <see cref="SignedRequestReplayGuard.ClaimAsync"/>.</summary>
/// <param name="Outcome">For a resend, what the first acceptance recorded; null when it has recorded nothing (yet).</param>
public sealed record ReplayClaim(bool IsFirst, string? Outcome);
