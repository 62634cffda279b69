using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

/// <summary>For generated definitions and event sequences: replaying the same events gives the same states and
/// commands, and a JSON round trip of the state at any point changes nothing that follows.</summary>
public class DeterminismTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Replay_SameEvents_GiveIdenticalStatesAndCommands(int seed)
    {
        var definition = WorkflowGenerator.Generate(seed);
        var run = Drive(definition, seed);
        run.Events.Should().NotBeEmpty();

        var state = InstanceState.Create("gen-" + seed, definition.Id, definition.Version);
        for (var i = 0; i < run.Events.Count; i++)
        {
            var decision = WorkflowInterpreter.Apply(definition, state, run.Events[i].Event, run.Events[i].Now);
            decision.State.ToJson().Should().Be(run.States[i], $"event {i} ({run.Events[i].Event.GetType().Name}) must give the same state");
            Serialize(decision.Commands).Should().Be(run.Commands[i]);
            state = decision.State;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTrip_StateAtAnyPoint_ChangesNothingThatFollows(int seed)
    {
        var definition = WorkflowGenerator.Generate(seed);
        var run = Drive(definition, seed);

        for (var k = 0; k < run.Events.Count - 1; k += Math.Max(1, run.Events.Count / 8))
        {
            var state = InstanceState.FromJson(run.States[k]);
            for (var i = k + 1; i < run.Events.Count; i++)
            {
                var decision = WorkflowInterpreter.ApplyInPlace(definition, InstanceState.FromJson(state.ToJson()), run.Events[i].Event, run.Events[i].Now);
                decision.State.ToJson().Should().Be(run.States[i]);
                Serialize(decision.Commands).Should().Be(run.Commands[i]);
                state = decision.State;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Commands_RoundTripThroughJson(int seed)
    {
        var definition = WorkflowGenerator.Generate(seed);
        var run = Drive(definition, seed);

        foreach (var json in run.Commands)
        {
            var commands = JsonSerializer.Deserialize<List<WorkflowCommand>>(json, EngineJson.Options)!;
            Serialize(commands).Should().Be(json);
        }
    }

    [Fact]
    public void Generator_CoversEveryStepTypeAcrossSeeds()
    {
        var types = Enumerable.Range(1, 40).SelectMany(s => AllSteps(WorkflowGenerator.Generate(s).Steps)).Select(s => s.Type).ToHashSet();
        types.Should().Contain([StepTypes.Activity, StepTypes.If, StepTypes.ForEach, StepTypes.Wait, StepTypes.WaitForEvent, StepTypes.Approval, StepTypes.Set, StepTypes.Emit, StepTypes.Switch]);
    }

    private static IEnumerable<Step> AllSteps(IEnumerable<Step> steps) => steps.SelectMany(s => s switch
    {
        IfStep i => new[] { s }.Concat(AllSteps(i.Then)).Concat(AllSteps(i.Else)),
        ForEachStep f => new[] { s }.Concat(AllSteps(f.Steps)),
        SwitchStep w => new[] { s }.Concat(w.Cases.SelectMany(c => AllSteps(c.Steps))).Concat(AllSteps(w.Default)),
        _ => [s],
    });

    private static string Serialize(IReadOnlyList<WorkflowCommand> commands) => JsonSerializer.Serialize(commands, EngineJson.Options);

    private sealed record Recorded(WorkflowEvent Event, DateTimeOffset Now);

    private sealed record Run(List<Recorded> Events, List<string> States, List<string> Commands);

    /// <summary>Plays the part of a runtime that answers commands in a seeded random order.</summary>
    private static Run Drive(WorkflowDefinition definition, int seed)
    {
        var random = new Random(seed);
        var run = new Run([], [], []);
        var state = InstanceState.Create("gen-" + seed, definition.Id, definition.Version);
        var now = Harness.T0;
        var open = new List<WorkflowCommand>();

        void Apply(WorkflowEvent e)
        {
            var decision = WorkflowInterpreter.Apply(definition, state, e, now);
            run.Events.Add(new Recorded(e, now));
            run.States.Add(decision.State.ToJson());
            run.Commands.Add(Serialize(decision.Commands));
            state = decision.State;
            open.AddRange(decision.Commands);
        }

        Apply(new InstanceStarted(JsonNode.Parse("""{"n":[1,2,3],"flag":true,"kind":"b"}"""), null, random.Next(2) == 0));
        for (var round = 0; round < 400 && !state.IsFinished; round++)
        {
            open.RemoveAll(c => !IsPending(state, c));
            if (open.Count == 0)
            {
                break;
            }

            now = now.AddSeconds(random.Next(1, 90));
            switch (open[random.Next(open.Count)])
            {
                case RunActivity a when random.Next(5) == 0:
                    Apply(new ActivityFailed(a.CommandId, new ErrorInfo(random.Next(2) == 0 ? ErrorKinds.Transient : ErrorKinds.Permanent, "failed " + round)));
                    break;
                case RunActivity a:
                    Apply(new ActivityCompleted(a.CommandId, JsonNode.Parse($$"""{"value":{{random.Next(100)}},"ok":true}""")));
                    break;
                case StartTimer t:
                    now = t.DueAt > now ? t.DueAt : now;
                    Apply(new TimerFired(t.TimerId));
                    break;
                case StartChild c:
                    Apply(new ChildCompleted(c.ChildInstanceId, JsonValue.Create(round)));
                    break;
                case WaitForEvent w:
                    var decision = ApprovalDecisions.Human[random.Next(ApprovalDecisions.Human.Count)];
                    Apply(new EventRaised(w.EventName, JsonNode.Parse($$"""{"decision":"{{decision}}","n":{{round}}}""")));
                    break;
            }

            if (random.Next(10) == 0)
            {
                Apply(new EventRaised("stray", JsonValue.Create(round)));
            }
        }

        return run;
    }

    private static bool IsPending(InstanceState state, WorkflowCommand command) => command switch
    {
        RunActivity a => state.Pending.ContainsKey(a.CommandId),
        StartTimer t => state.Pending.ContainsKey(t.TimerId),
        StartChild c => state.Pending.ContainsKey(c.ChildInstanceId),
        WaitForEvent w => state.Pending.Values.Any(p => p.Kind == PendingKind.EventWait && p.EventName == w.EventName),
        _ => false,
    };
}
