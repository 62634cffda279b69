using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Serverless.Approvals.Tokens;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Decisions;

/// <summary>
/// The one place a gate is decided, for links and Slack alike: check the gate is still open in the runtime, record
/// the decision with create-if-absent (one winner), then raise "approval:{gate}" on the instance. Reading
/// (<see cref="InspectAsync"/>) never writes anything.
/// </summary>
public sealed class ApprovalDecisionService(
    DecisionTokenCodec codec,
    GateDecisionStore decisions,
    IWorkflowClient client,
    TimeProvider time,
    ILogger<ApprovalDecisionService> logger)
{
    public async Task<(DecisionToken? Token, GateLookup Lookup)> InspectAsync(string? tokenText, CancellationToken cancellationToken)
    {
        var check = codec.Verify(tokenText);
        if (check.Token is not { } token)
        {
            return (null, new GateLookup(GateStatus.Invalid, Problem: check.Problem));
        }

        return (token, await LookupAsync(token, cancellationToken));
    }

    public async Task<GateLookup> DecideAsync(DecisionToken token, string? comment, string decidedBy, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lookup = await LookupAsync(token, cancellationToken);
        if (lookup.Status != GateStatus.Open)
        {
            return lookup;
        }

        var decision = new GateDecision(token.Decision, comment, decidedBy, time.GetUtcNow(), via);
        var (won, recorded) = await decisions.TryRecordAsync(token.InstanceId, token.GateId, decision, token.Nonce, cancellationToken);
        if (!won)
        {
            return lookup with { Status = GateStatus.Closed, Outcome = recorded };
        }

        var payload = new JsonObject { ["decision"] = decision.Decision, ["comment"] = comment, ["by"] = decidedBy };
        if (!await client.RaiseEventAsync(token.InstanceId, ApprovalGate.EventName(token.GateId), payload, cancellationToken))
        {
            logger.LogWarning("Approval of gate {Gate} recorded but instance {Instance} no longer exists", token.GateId, token.InstanceId);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Gate {Gate} of instance {Instance} decided {Decision} via {Via}", token.GateId, token.InstanceId, decision.Decision, via);
        }
        return lookup with { Status = GateStatus.Recorded, Outcome = decision };
    }

    private async Task<GateLookup> LookupAsync(DecisionToken token, CancellationToken cancellationToken)
    {
        var view = await client.GetAsync(token.InstanceId, cancellationToken);
        var record = view?.Timeline.LastOrDefault(r => r.Key == token.GateId && r.Type == StepTypes.Approval && r.Gate is not null);
        if (view is null || record is null)
        {
            return new GateLookup(GateStatus.Invalid, Problem: "no such gate");
        }

        var gate = ToOpenGate(view, record);
        if (await decisions.ReadAsync(token.InstanceId, token.GateId, cancellationToken) is { } decided)
        {
            return new GateLookup(GateStatus.Closed, gate, decided);
        }

        if (record.Status != StepStatus.Waiting)
        {
            return new GateLookup(GateStatus.Closed, gate, GateDecision.FromStepOutput(record.Output));
        }

        if (view.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated)
        {
            return new GateLookup(GateStatus.Closed, gate, new GateDecision(view.Status.ToString().ToLowerInvariant(), null, null, view.EndedAt, "workflow"));
        }

        return time.GetUtcNow() >= token.ExpiresAt
            ? new GateLookup(GateStatus.Expired, gate)
            : new GateLookup(GateStatus.Open, gate);
    }

    internal static OpenGate ToOpenGate(InstanceView view, StepRecord record)
    {
        var state = record.Gate!;
        return new OpenGate(view.InstanceId, view.WorkflowId, record.Key, state.EventName, AsText(state.Subject), AsText(state.Body),
            state.Item, state.OpenedAt, state.DeadlineAt, state.RemindersSent,
            view.CustomStatus?["gate"]?.GetValue<string>() == record.Key ? GateDecision.Text(view.CustomStatus["group"]) : null,
            view.DryRun);
    }

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
