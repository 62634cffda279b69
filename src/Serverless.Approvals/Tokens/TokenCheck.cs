namespace Serverless.Approvals.Tokens;

/// <summary>Result of reading a token: <see cref="Token"/> is set only when a configured key signed it.
/// Expiry is checked later, against the gate: a link to a gate that is already closed shows the outcome (409)
/// rather than "expired" (410).</summary>
public sealed record TokenCheck(DecisionToken? Token, string? Problem)
{
    public bool IsValid => Token is not null;

    public static TokenCheck Valid(DecisionToken token) => new(token, null);

    public static TokenCheck Invalid(string problem) => new(null, problem);
}
