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
        if (snapshot.Fits())
        {
            return snapshot;
        }

        var light = state.Timeline.Select(Light).ToList();
        snapshot = snapshot with { Timeline = light };
        var skip = 0;
        while (!snapshot.Fits() && skip < light.Count)
        {
            skip = Math.Min(light.Count, Math.Max(1, skip * 2));
            snapshot = snapshot with { Timeline = light.Skip(skip).ToList(), OmittedSteps = skip };
        }

        if (!snapshot.Fits())
        {
            snapshot = snapshot with { CustomStatus = Omitted(snapshot.CustomStatus) };
        }

        if (!snapshot.Fits() && snapshot.Error is { } error)
        {
            snapshot = snapshot with { Error = error with { Message = error.Message[..Math.Min(error.Message.Length, 2_000)] } };
        }

        return snapshot;
    }

    public string ToJson() => EngineText.Write(this);

    private bool Fits() => Encoding.UTF8.GetByteCount(ToJson()) <= MaxBytes;

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
