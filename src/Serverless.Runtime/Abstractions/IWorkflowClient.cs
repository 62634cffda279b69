using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Abstractions;

/// <summary>Starts and steers workflow instances. The HTTP handlers talk only to this interface, so they work
/// the same over the embedded SQLite runtime and over Durable Functions.</summary>
public interface IWorkflowClient
{
    /// <summary>Starts an instance, or returns the existing one when the instance id or idempotency key was seen.</summary>
    Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken = default);

    Task<InstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>False when the instance does not exist.</summary>
    Task<bool> RaiseEventAsync(string instanceId, string eventName, JsonNode? payload, CancellationToken cancellationToken = default);

    Task<bool> TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Re-runs a Failed instance from its failed step. False when it does not exist or is not Failed.</summary>
    Task<bool> ReplayAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default);
}

public sealed record StartRequest(
    string WorkflowId,
    JsonNode? Input,
    string? InstanceId = null,
    string? IdempotencyKey = null,
    bool DryRun = false,
    JsonObject? Trigger = null,
    int? Version = null);

/// <summary><see cref="Created"/> is false when an existing instance was returned instead of a new one.</summary>
public sealed record StartResult(string InstanceId, bool Created);

/// <summary>Filters of an instance listing, newest first; <see cref="DryRun"/> null lists dry runs and real runs.</summary>
public sealed record InstanceQuery(
    string? WorkflowId = null,
    InstanceStatus? Status = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int Limit = 50,
    string? ContinuationToken = null,
    bool? DryRun = null);

public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, string? ContinuationToken);

/// <summary>A listed instance. <see cref="Error"/> is why it failed (its <see cref="ErrorInfo.StepId"/> the failed
/// step), null unless it failed.</summary>
public sealed record InstanceSummary(
    string InstanceId,
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    bool DryRun,
    ErrorInfo? Error = null);

/// <summary>What GET /api/instances/{id} shows: status, input, output, error, custom status and the timeline.</summary>
public sealed record InstanceView(
    string InstanceId,
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    bool DryRun,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    JsonNode? Input,
    JsonNode? Output,
    ErrorInfo? Error,
    JsonNode? CustomStatus,
    IReadOnlyList<StepRecord> Timeline);
