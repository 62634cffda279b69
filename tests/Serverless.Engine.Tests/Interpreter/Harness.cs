using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

/// <summary>Drives one instance through the interpreter the way a runtime would, with a clock the test controls.</summary>
internal sealed class Harness
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public Harness(string definitionJson, string instanceId = "inst-1")
    {
        Definition = JsonSerializer.Deserialize<WorkflowDefinition>(definitionJson, EngineJson.Options)!;
        State = InstanceState.Create(instanceId, Definition.Id, Definition.Version);
    }

    public WorkflowDefinition Definition { get; }
    public InstanceState State { get; private set; }
    public DateTimeOffset Now { get; set; } = T0;
    public List<WorkflowCommand> AllCommands { get; } = [];

    public IReadOnlyList<WorkflowCommand> Apply(WorkflowEvent @event)
    {
        var decision = WorkflowInterpreter.Apply(Definition, State, @event, Now);
        State = decision.State;
        AllCommands.AddRange(decision.Commands);
        return decision.Commands;
    }

    public IReadOnlyList<WorkflowCommand> Start(string inputJson = "{}", bool dryRun = false) =>
        Apply(new InstanceStarted(JsonNode.Parse(inputJson), null, dryRun));

    public IReadOnlyList<WorkflowCommand> Complete(RunActivity command, string? outputJson = null) =>
        Apply(new ActivityCompleted(command.CommandId, outputJson is null ? null : JsonNode.Parse(outputJson)));

    public IReadOnlyList<WorkflowCommand> Fail(RunActivity command, string kind = ErrorKinds.Transient, string message = "boom", TimeSpan? retryAfter = null) =>
        Apply(new ActivityFailed(command.CommandId, new ErrorInfo(kind, message, RetryAfter: retryAfter)));

    public IReadOnlyList<WorkflowCommand> Fire(StartTimer timer)
    {
        if (timer.DueAt > Now)
        {
            Now = timer.DueAt;
        }

        return Apply(new TimerFired(timer.TimerId));
    }

    public IReadOnlyList<WorkflowCommand> Raise(string name, string payloadJson = "{}") =>
        Apply(new EventRaised(name, JsonNode.Parse(payloadJson)));

    public StepRecord Step(string key) => State.Timeline.Single(r => r.Key == key);

    /// <summary>Runs until nothing but events is pending: activities answered by <paramref name="activities"/>
    /// (an exception fails the attempt), timers fired in due order (unless <paramref name="fireTimers"/> is false),
    /// children completed with null.</summary>
    public void RunToEnd(Func<RunActivity, JsonNode?> activities, bool fireTimers = true, int maxRounds = 10_000)
    {
        var queue = new List<WorkflowCommand>(AllCommands.Where(c => IsOpen(c)));
        for (var round = 0; round < maxRounds && !State.IsFinished; round++)
        {
            var next = queue.OfType<RunActivity>().FirstOrDefault(IsOpen)
                ?? (WorkflowCommand?)queue.OfType<StartChild>().FirstOrDefault(IsOpen)
                ?? (fireTimers ? queue.OfType<StartTimer>().Where(IsOpen).OrderBy(t => t.DueAt).FirstOrDefault() : null);
            if (next is null)
            {
                return;
            }

            queue.Remove(next);
            var produced = next switch
            {
                RunActivity run => Answer(run, activities),
                StartChild child => Apply(new ChildCompleted(child.ChildInstanceId, null)),
                StartTimer timer => Fire(timer),
                _ => [],
            };
            queue.AddRange(produced);
        }
    }

    private IReadOnlyList<WorkflowCommand> Answer(RunActivity run, Func<RunActivity, JsonNode?> activities)
    {
        JsonNode? output;
        try
        {
            output = activities(run);
        }
        catch (Exception ex)
        {
            return Apply(new ActivityFailed(run.CommandId, new ErrorInfo(ErrorKinds.Transient, ex.Message)));
        }

        return Apply(new ActivityCompleted(run.CommandId, output));
    }

    private bool IsOpen(WorkflowCommand command) => command switch
    {
        RunActivity run => State.Pending.ContainsKey(run.CommandId),
        StartTimer timer => State.Pending.ContainsKey(timer.TimerId),
        StartChild child => State.Pending.ContainsKey(child.ChildInstanceId),
        _ => false,
    };
}

internal static class CommandExtensions
{
    public static RunActivity Activity(this IEnumerable<WorkflowCommand> commands, string name) =>
        commands.OfType<RunActivity>().Single(c => c.Activity == name);

    public static StartTimer Timer(this IEnumerable<WorkflowCommand> commands) => commands.OfType<StartTimer>().Single();
}
