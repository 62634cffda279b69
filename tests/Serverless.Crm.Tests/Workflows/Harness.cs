using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Crm.Tests.Workflows;

/// <summary>Drives one compiled instance through the pure interpreter, with a clock the test controls
/// (the shape of tests/Serverless.Engine.Tests/Interpreter/Harness.cs).</summary>
internal sealed class Harness(WorkflowDefinition definition, string instanceId = "inst-1")
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public WorkflowDefinition Definition { get; } = definition;
    public InstanceState State { get; private set; } = InstanceState.Create(instanceId, definition.Id, definition.Version);
    public DateTimeOffset Now { get; set; } = T0;
    public List<RunActivity> Activities { get; } = [];

    public IReadOnlyList<WorkflowCommand> Apply(WorkflowEvent @event)
    {
        var decision = WorkflowInterpreter.Apply(Definition, State, @event, Now);
        State = decision.State;
        Activities.AddRange(decision.Commands.OfType<RunActivity>());
        return decision.Commands;
    }

    /// <summary>Starts as a CRM change event would: the payload (the seed's context) is the trigger body.</summary>
    public IReadOnlyList<WorkflowCommand> StartFromEvent(string channel, string payloadJson)
    {
        var payload = JsonNode.Parse(payloadJson);
        var trigger = new JsonObject { ["kind"] = TriggerTypes.Event, ["channel"] = channel, ["messageId"] = "m-1", ["body"] = payload?.DeepClone() };
        return Apply(new InstanceStarted(payload, trigger));
    }

    /// <summary>Answers every activity with <paramref name="answer"/> (an exception fails the attempt), firing retry timers.</summary>
    public void RunToEnd(IReadOnlyList<WorkflowCommand> first, Func<RunActivity, JsonNode?> answer)
    {
        var queue = new List<WorkflowCommand>(first);
        for (var round = 0; round < 1000 && !State.IsFinished && queue.Count > 0; round++)
        {
            var next = queue.OfType<RunActivity>().FirstOrDefault() ?? (WorkflowCommand?)queue.OfType<StartTimer>().OrderBy(t => t.DueAt).FirstOrDefault();
            if (next is null)
            {
                return;
            }

            queue.Remove(next);
            switch (next)
            {
                case RunActivity run:
                    JsonNode? output = null;
                    ErrorInfo? error = null;
                    try
                    {
                        output = answer(run);
                    }
                    catch (InvalidOperationException ex)
                    {
                        error = new ErrorInfo(ErrorKinds.Transient, ex.Message);
                    }

                    queue.AddRange(error is null ? Apply(new ActivityCompleted(run.CommandId, output)) : Apply(new ActivityFailed(run.CommandId, error)));
                    break;
                case StartTimer timer:
                    Now = timer.DueAt > Now ? timer.DueAt : Now;
                    queue.AddRange(Apply(new TimerFired(timer.TimerId)));
                    break;
            }
        }
    }
}
