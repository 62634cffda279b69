using System.Text.Json.Nodes;

namespace Serverless.Connectors.Sandbox;

/// <summary>A call a sandbox connector would have made: where it came from (instance, step, idempotency key), what it
/// would have sent (secrets left out) and the fake result it answered with.</summary>
public sealed record SandboxCall(
    string Connector,
    string Operation,
    string InstanceId,
    string WorkflowId,
    string StepKey,
    string IdempotencyKey,
    JsonNode Request,
    JsonNode? Result,
    DateTimeOffset RecordedAt);
