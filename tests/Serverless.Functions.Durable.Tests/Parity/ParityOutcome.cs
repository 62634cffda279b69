using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>One timeline entry without what differs by design (times).</summary>
public sealed record TimelineEntry(string Key, string StepId, string Type, StepStatus Status, int Attempts, string? ErrorKind, JsonNode? Output)
{
    public override string ToString() => $"{Key} {Type} {Status} x{Attempts}{(ErrorKind is null ? "" : " " + ErrorKind)}";
}

/// <summary>What a user sees of a finished scenario on one runtime, normalised so both runtimes compare equal:
/// timestamps are replaced by "&lt;time&gt;"; instance ids are the same on both runtimes by construction.
/// <see cref="Comparable"/> is the document the runtimes must agree on.</summary>
public sealed partial class ParityOutcome
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public required string Runtime { get; init; }
    public required InstanceStatus Status { get; init; }
    public JsonNode? Output { get; init; }
    public string? ErrorKind { get; init; }
    public string? ErrorStepId { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public required IReadOnlyList<ActivityCall> Activities { get; init; }

    /// <summary>"connector.operation step-key" per sandbox call of the instance, oldest first.</summary>
    public required IReadOnlyList<string> SandboxCalls { get; init; }
    public required JsonObject Observed { get; init; }
    public required int MaxConcurrentTrack { get; init; }
    public required JsonObject Comparable { get; init; }

    public IEnumerable<ActivityCall> CallsOf(string activity) => Activities.Where(c => c.Activity == activity);

    public TimelineEntry Step(string key) => Timeline.Single(t => t.Key == key);

    public string ComparableText => Comparable.ToJsonString(Indented);

    public static ParityOutcome From(string runtime, InstanceView view, ActivityRecorder recorder, IReadOnlyList<SandboxCall> sandbox,
        JsonObject observed, IReadOnlyCollection<ByDesign> differences)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(recorder);
        var keepMessages = !differences.Contains(ByDesign.ErrorMessage);
        var timeline = new JsonArray();
        foreach (var r in view.Timeline)
        {
            timeline.Add(new JsonObject
            {
                ["key"] = r.Key,
                ["stepId"] = r.StepId,
                ["type"] = r.Type,
                ["frame"] = r.FrameId,
                ["status"] = r.Status.ToString(),
                ["attempts"] = r.Attempts,
                ["input"] = Scrub(r.Input),
                ["output"] = Scrub(r.Output),
                ["error"] = Error(r.Error, keepMessages),
                ["notes"] = Scrub(new JsonArray(r.Notes.Select(n => (JsonNode?)n).ToArray())),
                ["gate"] = r.Gate is not { } g ? null : new JsonObject
                {
                    ["group"] = g.Group,
                    ["remindersSent"] = g.RemindersSent,
                    ["notifications"] = g.Notifications,
                    ["eventName"] = g.EventName,
                    ["subject"] = Scrub(g.Subject),
                    ["body"] = Scrub(g.Body),
                    ["item"] = Scrub(g.Item),
                },
                ["loop"] = r.Loop is not { } l ? null : new JsonObject
                {
                    ["items"] = l.Items.Count,
                    ["nextIndex"] = l.NextIndex,
                    ["running"] = l.Running,
                    ["completed"] = l.Completed,
                    ["results"] = Scrub(l.Results),
                },
            });
        }

        // Parallel work may run in either order: the calls are compared as a sorted list.
        var calls = recorder.Calls
            .OrderBy(c => c.Activity, StringComparer.Ordinal).ThenBy(c => c.StepKey, StringComparer.Ordinal).ThenBy(c => c.Attempt).ThenBy(c => c.Input, StringComparer.Ordinal)
            .ToList();
        var sandboxCalls = sandbox.Select(c => $"{c.Connector}.{c.Operation} {c.StepKey}").ToList();
        var comparable = new JsonObject
        {
            ["status"] = view.Status.ToString(),
            ["output"] = Scrub(view.Output),
            ["error"] = Error(view.Error, keepMessages),
            ["customStatus"] = Scrub(view.CustomStatus),
            ["timeline"] = timeline,
            ["activities"] = new JsonArray(calls.Select(c => (JsonNode?)c.ToString()).ToArray()),
            ["maxConcurrentTrack"] = recorder.MaxConcurrent(TestActivities.Track),
            ["sandbox"] = new JsonArray(sandboxCalls.Select(c => (JsonNode?)c).ToArray()),
            ["observed"] = Scrub(observed),
        };
        return new ParityOutcome
        {
            Runtime = runtime,
            Status = view.Status,
            Output = view.Output?.DeepClone(),
            ErrorKind = view.Error?.Kind,
            ErrorStepId = view.Error?.StepId,
            Timeline = view.Timeline.Select(r => new TimelineEntry(r.Key, r.StepId, r.Type, r.Status, r.Attempts, r.Error?.Kind, r.Output?.DeepClone())).ToList(),
            Activities = calls,
            SandboxCalls = sandboxCalls,
            Observed = (JsonObject)observed.DeepClone(),
            MaxConcurrentTrack = recorder.MaxConcurrent(TestActivities.Track),
            Comparable = comparable,
        };
    }

    private static JsonObject? Error(ErrorInfo? error, bool keepMessage) => error is null ? null : new JsonObject
    {
        ["kind"] = error.Kind,
        ["stepId"] = error.StepId,
        ["message"] = keepMessage ? error.Message : "<by design: message>",
        ["retryAfter"] = error.RetryAfter?.ToString(),
    };

    /// <summary>A deep copy with every ISO 8601 timestamp replaced (times differ between any two runs).</summary>
    public static JsonNode? Scrub(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Scrub(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Scrub).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Timestamp().Replace(s, "<time>")),
        _ => node.DeepClone(),
    };

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();
}
