namespace Serverless.Approvals.Tokens;

/// <summary>What a signed decision link carries: who may decide which gate of which instance, how, until when.
/// <see cref="Nonce"/> makes every link distinct (and is recorded with the decision it made).</summary>
public sealed record DecisionToken(
    string InstanceId,
    string GateId,
    string Decision,
    string Approver,
    DateTimeOffset ExpiresAt,
    string Nonce);
