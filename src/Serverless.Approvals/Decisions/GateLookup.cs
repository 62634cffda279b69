namespace Serverless.Approvals.Decisions;

/// <summary>What a token leads to: the gate (when known) and, when it is closed, its outcome.</summary>
public sealed record GateLookup(GateStatus Status, OpenGate? Gate = null, GateDecision? Outcome = null, string? Problem = null);
