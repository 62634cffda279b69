namespace Serverless.Connectors.Sandbox;

/// <summary>Body of GET /api/sandbox/calls: the calls sandbox connectors recorded for one instance, oldest first.</summary>
public sealed record SandboxCallList(string InstanceId, int Count, IReadOnlyList<SandboxCall> Calls);
