using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;

namespace Serverless.Functions.Durable;

/// <summary>The custom status of a running orchestration: what GET /api/instances/{id} shows before the final
/// state is the output. Durable caps custom status at 16 KB, so the oldest timeline entries give way first.</summary>
public sealed record InstanceSnapshot(
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    bool DryRun,
    DateTimeOffset? StartedAt,
    JsonNode? CustomStatus,
    ErrorInfo? Error,
    IReadOnlyList<StepRecord> Timeline,
    int OmittedSteps)
{
    private const int MaxChars = 14_000;

    public static InstanceSnapshot Of(InstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = new InstanceSnapshot(state.WorkflowId, state.WorkflowVersion, state.Status, state.DryRun, state.StartedAt,
            state.CustomStatus?.DeepClone(), state.Error, state.Timeline, 0);
        var skip = 0;
        while (skip < state.Timeline.Count && snapshot.ToJson().Length > MaxChars)
        {
            skip = Math.Min(state.Timeline.Count, Math.Max(1, skip * 2));
            snapshot = snapshot with { Timeline = state.Timeline.Skip(skip).ToList(), OmittedSteps = skip };
        }

        return snapshot;
    }

    public string ToJson() => EngineText.Write(this);
}
