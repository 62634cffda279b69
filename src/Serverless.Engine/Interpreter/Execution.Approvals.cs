using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

internal sealed partial class Execution
{
    private StepOutcome StartApproval(StepRecord record, ApprovalStep step, InstanceScope scope)
    {
        var gate = new GateState
        {
            EventName = ApprovalGate.EventName(record.Key),
            OpenedAt = Now,
            Subject = Templates.Render(step.Message.Subject, scope, Now),
            Body = step.Message.Body is null ? null : Templates.Render(step.Message.Body, scope, Now),
            Item = Templates.Render(step.Item, scope, Now),
        };
        record.Gate = gate;
        if (TakeBuffered(gate.EventName, p => ApprovalPayload.Parse(p) is not null) is { } early)
        {
            CloseGate(record, ApprovalPayload.Parse(early.Payload)!, timedOut: false);
            return StepOutcome.Completed;
        }

        record.Status = StepStatus.Waiting;
        OpenGroup(record, step);
        AddPending(PendingKind.EventWait, Id(record.Key, "decision"), record.Key,
            new WaitForEvent(gate.EventName, record.Key, gate.DeadlineAt), eventName: gate.EventName);
        return StepOutcome.Waiting;
    }

    /// <summary>Notifies the gate's current group and arms its reminder and deadline timers.</summary>
    private void OpenGroup(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        gate.RemindersSent = 0;
        gate.DeadlineAt = step.Deadline is null ? null : Now + Durations.Parse(step.Deadline);
        Notify(record, step);
        ArmReminder(record, step);
        if (gate.DeadlineAt is { } deadline)
        {
            Timer(PendingKind.ApprovalDeadline, Id(record.Key, $"deadline{gate.Group}"), record.Key, deadline);
        }

        ReportGate(record, step);
    }

    private void Notify(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        gate.Notifications++;
        var group = step.Approvers[gate.Group];
        var input = new JsonObject
        {
            ["instanceId"] = State.InstanceId,
            ["workflowId"] = State.WorkflowId,
            ["gateId"] = record.Key,
            ["eventName"] = gate.EventName,
            ["group"] = group.Name,
            ["approvers"] = new JsonArray(group.Members.Select(m => (JsonNode?)m).ToArray()),
            ["channels"] = new JsonArray(step.Channels.Select(c => (JsonNode?)c).ToArray()),
            ["subject"] = gate.Subject?.DeepClone(),
            ["body"] = gate.Body?.DeepClone(),
            ["item"] = gate.Item?.DeepClone(),
            ["reminder"] = gate.RemindersSent,
            ["deadlineAt"] = EngineJson.Time(gate.DeadlineAt),
            ["dryRun"] = State.DryRun,
        };
        var id = Id(record.Key, $"notify{gate.Notifications}");
        var command = new RunActivity(id, step.NotifyActivity, input, $"{State.InstanceId}:{record.Key}:notify{gate.Notifications}", 1, null, record.Key);
        AddPending(PendingKind.ApprovalNotify, id, record.Key, command);
    }

    private void ArmReminder(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        if (step.Reminder is { } reminder && gate.RemindersSent < reminder.Max)
        {
            var due = Now + Durations.Parse(reminder.Interval);
            if (gate.DeadlineAt is null || due < gate.DeadlineAt)
            {
                Timer(PendingKind.ApprovalReminder, Id(record.Key, $"reminder{gate.Group}.{gate.RemindersSent + 1}"), record.Key, due);
            }
        }
    }

    private void OnGateReminder(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        gate.RemindersSent++;
        record.Notes.Add($"Reminder {gate.RemindersSent} sent to {step.Approvers[gate.Group].Name}.");
        Notify(record, step);
        ArmReminder(record, step);
        ReportGate(record, step);
    }

    private void OnGateDeadline(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        var policy = step.OnTimeout;
        if (policy == ApprovalTimeoutPolicies.Escalate && gate.Group + 1 < step.Approvers.Count)
        {
            foreach (var timer in State.Pending.Values.Where(p => p.StepKey == record.Key && p.Kind == PendingKind.ApprovalReminder).ToList())
            {
                State.Pending.Remove(timer.Id);
            }

            gate.Group++;
            record.Notes.Add($"Deadline passed; escalated to {step.Approvers[gate.Group].Name}.");
            OpenGroup(record, step);
            return;
        }

        if (policy == ApprovalTimeoutPolicies.Escalate)
        {
            record.Notes.Add("Deadline passed and no approver group is left to escalate to; the request is rejected.");
        }

        var decision = policy == ApprovalTimeoutPolicies.Continue ? ApprovalDecisions.TimedOut : ApprovalDecisions.Rejected;
        CloseGate(record, new ApprovalPayload(decision, "Deadline passed without a decision.", null), timedOut: true);
        Resume(record);
    }

    private void CloseGate(StepRecord record, ApprovalPayload decision, bool timedOut)
    {
        var gate = record.Gate!;
        var step = (ApprovalStep)index.Step(record.StepId);
        RemovePendingOf(record.Key);
        CompleteStep(record, new JsonObject
        {
            ["decision"] = decision.Decision,
            ["comment"] = decision.Comment,
            ["decidedBy"] = decision.By,
            ["decidedAt"] = EngineJson.Time(Now),
            ["group"] = step.Approvers.Count > 0 ? step.Approvers[gate.Group].Name : null,
            ["reminders"] = gate.RemindersSent,
            ["timedOut"] = timedOut,
        }, resumeLater: false);
        if (State.CustomStatus?["gate"]?.GetValue<string>() == record.Key)
        {
            State.CustomStatus = null;
        }
    }

    private void ReportGate(StepRecord record, ApprovalStep step)
    {
        var gate = record.Gate!;
        State.CustomStatus = new JsonObject
        {
            ["waitingFor"] = "approval",
            ["gate"] = record.Key,
            ["eventName"] = gate.EventName,
            ["group"] = step.Approvers[gate.Group].Name,
            ["reminders"] = gate.RemindersSent,
            ["openedAt"] = EngineJson.Time(gate.OpenedAt),
            ["deadlineAt"] = EngineJson.Time(gate.DeadlineAt),
        };
    }
}
