using System.Text;
using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;

namespace Serverless.Functions.Durable;

/// <summary>The custom status of a running orchestration: what GET /api/instances/{id} shows before the final
/// state is the output. Durable refuses custom status over 16 KB, so <see cref="Of"/> guarantees
/// <see cref="MaxBytes"/>: large step inputs and outputs are replaced by a size note first, then the oldest
/// timeline entries give way, then the workflow's own custom status. The complete record is the final state.</summary>
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
    /// <summary>UTF-8 bytes; under Durable's 16 KB with room for its own envelope.</summary>
    public const int MaxBytes = 15_000;

    /// <summary>Step inputs and outputs longer than this are shown as a size note while the instance runs.</summary>
    public const int MaxValueChars = 512;

    public static InstanceSnapshot Of(InstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = new InstanceSnapshot(state.WorkflowId, state.WorkflowVersion, state.Status, state.DryRun, state.StartedAt,
            state.CustomStatus?.DeepClone(), state.Error, state.Timeline, 0);
        if (state.Timeline.Count <= SmallTimeline && snapshot.Fits())
        {
            return snapshot;
        }

        var header = snapshot with { Timeline = [], OmittedSteps = state.Timeline.Count };
        if (!header.Fits())
        {
            header = header with { CustomStatus = Omitted(header.CustomStatus) };
        }

        if (!header.Fits() && header.Error is { } error)
        {
            header = header with { Error = error with { Message = error.Message[..Math.Min(error.Message.Length, 2_000)] } };
        }

        // Newest steps first, each measured once, until the budget is spent: linear in what is kept, not in the
        // whole timeline, since this runs after every event of an instance that may have thousands of steps.
        var budget = MaxBytes - Bytes(header.ToJson()) - 16;
        var kept = new List<StepRecord>();
        for (var i = state.Timeline.Count - 1; i >= 0; i--)
        {
            var light = Light(state.Timeline[i]);
            budget -= Bytes(EngineText.Write(light)) + 1;
            if (budget < 0)
            {
                break;
            }

            kept.Add(light);
        }

        kept.Reverse();
        return header with { Timeline = kept, OmittedSteps = state.Timeline.Count - kept.Count };
    }

    public string ToJson() => EngineText.Write(this);

    private const int SmallTimeline = 32;

    private bool Fits() => Bytes(ToJson()) <= MaxBytes;

    private static int Bytes(string json) => Encoding.UTF8.GetByteCount(json);

    private static StepRecord Light(StepRecord record) => new()
    {
        Key = record.Key,
        StepId = record.StepId,
        Type = record.Type,
        FrameId = record.FrameId,
        Status = record.Status,
        StartedAt = record.StartedAt,
        EndedAt = record.EndedAt,
        Attempts = record.Attempts,
        Input = Small(record.Input),
        Output = Small(record.Output),
        Error = record.Error,
        Notes = record.Notes.Count > 5 ? [.. record.Notes.TakeLast(5)] : record.Notes,
    };

    private static JsonNode? Small(JsonNode? value) =>
        value is null || value.ToJsonString().Length <= MaxValueChars ? value?.DeepClone() : Omitted(value);

    private static JsonObject? Omitted(JsonNode? value) => value is null
        ? null
        : new JsonObject { ["$omitted"] = $"{Encoding.UTF8.GetByteCount(value.ToJsonString())} bytes, shown once the instance has ended" };
}
