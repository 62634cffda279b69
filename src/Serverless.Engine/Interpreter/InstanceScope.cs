using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

/// <summary>
/// What templates see inside an instance: input, trigger, vars, steps.ID.(output|status|error|attempts|startedAt|endedAt),
/// workflow.(id|version), instance.(id|dryRun), forEach locals, and any other root looked up in the input.
/// Inside a forEach iteration "steps.ID" finds the iteration's own execution of ID first.
/// </summary>
internal sealed class InstanceScope(Execution execution, Frame frame) : IExpressionScope
{
    public bool TryResolve(IReadOnlyList<string> segments, out JsonNode? value)
    {
        value = null;
        if (segments.Count == 0)
        {
            return false;
        }

        var state = execution.State;
        switch (segments[0])
        {
            case "input":
                return JsonPath.TryNavigate(state.Input, segments, 1, out value);
            case "trigger":
                return JsonPath.TryNavigate(state.Trigger, segments, 1, out value);
            case "vars":
                return JsonPath.TryNavigate(state.Variables, segments, 1, out value);
            case "steps":
                return TryResolveStep(segments, out value);
            case "workflow":
                return JsonPath.TryNavigate(new JsonObject { ["id"] = state.WorkflowId, ["version"] = state.WorkflowVersion }, segments, 1, out value);
            case "instance":
                return JsonPath.TryNavigate(new JsonObject { ["id"] = state.InstanceId, ["dryRun"] = state.DryRun }, segments, 1, out value);
        }

        for (var f = frame; f is not null; f = execution.ParentOf(f))
        {
            if (f.Locals is not null && f.Locals.TryGetPropertyValue(segments[0], out var local))
            {
                return JsonPath.TryNavigate(local, segments, 1, out value);
            }
        }

        return JsonPath.TryNavigate(state.Input, segments, 0, out value);
    }

    private bool TryResolveStep(IReadOnlyList<string> segments, out JsonNode? value)
    {
        value = null;
        if (segments.Count < 2 || execution.FindVisibleRecord(frame, segments[1]) is not { } record)
        {
            return false;
        }

        var view = new JsonObject
        {
            ["status"] = record.Status.ToString(),
            ["attempts"] = record.Attempts,
            ["startedAt"] = EngineJson.Time(record.StartedAt),
            ["endedAt"] = EngineJson.Time(record.EndedAt),
            ["error"] = record.Error is null ? null : JsonSerializer.SerializeToNode(record.Error, EngineJson.Options),
        };
        if (segments.Count == 2)
        {
            view["output"] = record.Output?.DeepClone();
            value = view;
            return true;
        }

        return segments[2] == "output"
            ? JsonPath.TryNavigate(record.Output, segments, 3, out value)
            : JsonPath.TryNavigate(view, segments, 2, out value);
    }
}
