using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Approvals.Decisions;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Pending;

/// <summary>
/// GET /api/approvals?status=pending: the gates waiting for a decision, read from the runtime (instances in
/// Waiting, approval steps still Waiting in their timeline). The runtime is the source of truth: a gate closed by
/// its deadline, an escalation or a terminated instance disappears from this list without a second write to keep
/// in step. Instances that wait on something else are skipped.
/// </summary>
public sealed class PendingApprovalsHandler(IWorkflowClient client, GateDecisionStore decisions)
{
    public const string PendingStatus = "pending";
    private const int PageSize = 200;
    private const int MaxInstances = 5000;

    public async Task<IResult> ListAsync(string? status, string? workflowId, CancellationToken cancellationToken)
    {
        if (status is not null && !string.Equals(status, PendingStatus, StringComparison.OrdinalIgnoreCase))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Only status=pending is supported."] });
        }

        var items = new JsonArray();
        var truncated = false;
        // Running too: an instance is Running while a gate's notification (or a parallel branch) is still in flight.
        foreach (var instanceStatus in new[] { InstanceStatus.Waiting, InstanceStatus.Running })
        {
            truncated |= await CollectAsync(instanceStatus, workflowId, items, cancellationToken);
        }

        return Results.Json(new JsonObject { ["items"] = items, ["count"] = items.Count, ["truncated"] = truncated });
    }

    private async Task<bool> CollectAsync(InstanceStatus status, string? workflowId, JsonArray items, CancellationToken cancellationToken)
    {
        string? continuation = null;
        var seen = 0;
        do
        {
            var page = await client.ListAsync(new InstanceQuery(workflowId, status, Limit: PageSize, ContinuationToken: continuation), cancellationToken);
            foreach (var summary in page.Items)
            {
                if (await client.GetAsync(summary.InstanceId, cancellationToken) is not { } view)
                {
                    continue;
                }

                foreach (var record in view.Timeline.Where(r => r.Type == StepTypes.Approval && r.Status == StepStatus.Waiting && r.Gate is not null))
                {
                    var gate = ApprovalDecisionService.ToOpenGate(view, record);
                    var decided = await decisions.ReadAsync(gate.InstanceId, gate.GateId, cancellationToken);
                    items.Add(ToJson(gate, decided));
                }
            }

            seen += page.Items.Count;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && seen < MaxInstances);

        return continuation is not null;
    }

    private static JsonObject ToJson(OpenGate gate, GateDecision? decided) => new()
    {
        ["instanceId"] = gate.InstanceId,
        ["workflowId"] = gate.WorkflowId,
        ["gateId"] = gate.GateId,
        ["eventName"] = gate.EventName,
        ["group"] = gate.Group,
        ["subject"] = gate.Subject,
        ["item"] = gate.Item?.DeepClone(),
        ["requestedAt"] = gate.OpenedAt.ToString("O"),
        ["remindersSent"] = gate.RemindersSent,
        ["deadlineAt"] = gate.DeadlineAt?.ToString("O"),
        ["dryRun"] = gate.DryRun,
        // Decided a moment ago: the event is on its way to the instance.
        ["decisionInFlight"] = decided?.Decision,
    };
}
