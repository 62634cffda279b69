using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Engine.Tests.Interpreter;

public class ControlFlowTests
{
    private const string Classify = """
    {
      "id": "route",
      "steps": [
        { "id": "classify", "type": "activity", "activity": "classify" },
        { "id": "is-model", "type": "if",
          "condition": { "and": [
            { "path": "steps.classify.output.type_final", "op": "==", "value": "MODELISATION" },
            { "path": "input.fichiers", "op": "exists" } ] },
          "then": [ { "id": "upload", "type": "activity", "activity": "files.upload" } ],
          "else": [ { "id": "skip", "type": "set", "variables": { "uploaded": false } } ] },
        { "id": "ticket", "type": "activity", "activity": "ticket.create" }
      ]
    }
    """;

    [Fact]
    public void If_ConditionHolds_RunsThenBranchThenContinues()
    {
        var h = new Harness(Classify);
        var classify = h.Start("""{"fichiers":["plan.pdf"]}""").Activity("classify");

        var upload = h.Complete(classify, """{"type_final":"MODELISATION"}""").Activity("files.upload");
        h.Complete(upload, "[]").Activity("ticket.create").Should().NotBeNull();

        h.Step("is-model").Output!["branch"]!.GetValue<string>().Should().Be("then");
        h.State.Timeline.Select(r => r.Key).Should().Equal("classify", "is-model", "upload", "ticket");
    }

    [Fact]
    public void If_ConditionFails_RunsElseBranch()
    {
        var h = new Harness(Classify);
        var classify = h.Start("{}").Activity("classify");

        h.Complete(classify, """{"type_final":"SUPPORT"}""").Activity("ticket.create").Should().NotBeNull();

        h.State.Variables["uploaded"]!.GetValue<bool>().Should().BeFalse();
        h.State.Timeline.Select(r => r.Key).Should().Equal("classify", "is-model", "skip", "ticket");
    }

    private const string Switch = """
    {
      "id": "ingest",
      "steps": [
        { "id": "kind", "type": "switch", "value": "{{input.input_type}}",
          "cases": [
            { "equals": "text", "steps": [ { "id": "text", "type": "set", "variables": { "branch": "text" } } ] },
            { "equals": ["audio", "voice"], "steps": [ { "id": "audio", "type": "set", "variables": { "branch": "audio" } } ] },
            { "when": { "path": "input.url", "op": "exists" }, "steps": [ { "id": "url", "type": "set", "variables": { "branch": "url" } } ] }
          ],
          "default": [ { "id": "other", "type": "set", "variables": { "branch": "default" } } ] }
      ]
    }
    """;

    [Theory]
    [InlineData("""{"input_type":"text"}""", "text")]
    [InlineData("""{"input_type":"voice"}""", "audio")]
    [InlineData("""{"input_type":"page","url":"https://x"}""", "url")]
    [InlineData("""{"input_type":"image"}""", "default")]
    public void Switch_PicksFirstMatchingCaseOrDefault(string input, string expected)
    {
        var h = new Harness(Switch);

        h.Start(input);

        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Output!["branch"]!.GetValue<string>().Should().Be(expected);
    }

    private static string Loop(string mode, int cap) => $$$"""
    {
      "id": "loop",
      "steps": [
        { "id": "each", "type": "forEach", "items": "{{input.emails}}", "as": "email", "mode": "{{{mode}}}", "maxConcurrency": {{{cap}}},
          "steps": [
            { "id": "send", "type": "activity", "activity": "mail.send", "input": { "to": "{{email}}", "n": "{{emailIndex}}" } },
            { "id": "log", "type": "activity", "activity": "log", "input": { "sent": "{{steps.send.output}}" } }
          ] },
        { "id": "done", "type": "set", "variables": { "results": "{{steps.each.output}}" } }
      ]
    }
    """;

    [Fact]
    public void ForEach_Sequential_RunsOneItemAtATimeAndCollectsInOrder()
    {
        var h = new Harness(Loop("sequential", 4));
        var first = h.Start("""{"emails":["a@x","b@x","c@x"]}""");

        first.OfType<RunActivity>().Should().ContainSingle().Which.Input!["to"]!.GetValue<string>().Should().Be("a@x");
        h.RunToEnd(run => run.Activity == "mail.send" ? JsonValue.Create("sent:" + run.Input!["to"]) : run.Input!["sent"]!.DeepClone());

        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Variables["results"]!.ToJsonString().Should().Be("""["sent:a@x","sent:b@x","sent:c@x"]""");
        h.State.Timeline.Select(r => r.Key).Should().Contain(["each[0].send", "each[1].log", "each[2].send"]);
        h.AllCommands.OfType<RunActivity>().Where(r => r.Activity == "mail.send").Select(r => r.Input!["n"]!.GetValue<int>()).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void ForEach_Parallel_RespectsMaxConcurrencyAndKeepsItemOrder()
    {
        var h = new Harness(Loop("parallel", 2));
        var started = h.Start("""{"emails":["a","b","c","d","e"]}""").OfType<RunActivity>().ToList();
        started.Should().HaveCount(2);

        // Complete the second item first: results must still be in item order.
        var log1 = h.Complete(started[1], "\"B\"").Activity("log");
        h.Complete(log1, "\"B\"").OfType<RunActivity>().Should().ContainSingle("item 1 finished, so item 2 starts");
        var running = h.State.Pending.Values.Count(p => p.Kind == PendingKind.Activity);
        running.Should().Be(2);

        var maxInFlight = 0;
        h.RunToEnd(run =>
        {
            maxInFlight = Math.Max(maxInFlight, h.State.Pending.Values.Count(p => p.Kind == PendingKind.Activity));
            return run.Activity == "mail.send" ? JsonValue.Create(run.Input!["to"]!.GetValue<string>().ToUpperInvariant()) : run.Input!["sent"]!.DeepClone();
        });

        maxInFlight.Should().Be(2);
        h.State.Variables["results"]!.ToJsonString().Should().Be("""["A","B","C","D","E"]""");
        h.AllCommands.OfType<RunActivity>().Count(r => r.Activity == "mail.send").Should().Be(5);
    }

    [Fact]
    public void ForEach_EmptyOrMissingItems_CompletesWithEmptyArray()
    {
        var h = new Harness(Loop("sequential", 1));
        h.Start("{}");
        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Variables["results"]!.ToJsonString().Should().Be("[]");
    }

    [Fact]
    public void ForEach_ItemsNotAnArray_FailsNamingTheStep()
    {
        var h = new Harness(Loop("sequential", 1));
        h.Start("""{"emails":"a@x"}""");
        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error!.Message.Should().Contain("each").And.Contain("must be an array");
    }

    [Fact]
    public void ForEach_OutputTemplate_ShapesEachResult()
    {
        var h = new Harness("""
        { "id": "shape", "steps": [
          { "id": "each", "type": "forEach", "items": "{{input.n}}", "output": { "item": "{{item}}", "double": "{{steps.calc.output}}" },
            "steps": [ { "id": "calc", "type": "activity", "activity": "double", "input": "{{item}}" } ] } ] }
        """);
        h.Start("""{"n":[1,2]}""");
        h.RunToEnd(run => JsonValue.Create(run.Input!.GetValue<int>() * 2));

        h.Step("each").Output!.ToJsonString().Should().Be("""[{"item":1,"double":2},{"item":2,"double":4}]""");
    }

    [Fact]
    public void Set_Emit_Terminate_BehaveAsDeclared()
    {
        var h = new Harness("""
        { "id": "misc", "steps": [
          { "id": "vars", "type": "set", "variables": { "score": "{{input.score}}", "label": "lead {{input.score}}" } },
          { "id": "publish", "type": "emit", "channel": "mkt:agent:3:new_lead", "payload": { "score": "{{vars.score}}" } },
          { "id": "stop", "type": "terminate", "status": "completed", "reason": "scored {{vars.label}}", "output": { "s": "{{vars.score}}" } },
          { "id": "never", "type": "activity", "activity": "x" } ] }
        """);

        var commands = h.Start("""{"score":72}""");

        var emit = commands.OfType<EmitMessage>().Single();
        emit.Channel.Should().Be("mkt:agent:3:new_lead");
        emit.Payload!["score"]!.GetValue<int>().Should().Be(72);
        emit.MessageId.Should().Be("inst-1:publish");
        var complete = commands.OfType<CompleteInstance>().Single();
        complete.Reason.Should().Be("scored lead 72");
        complete.Output!["s"]!.GetValue<int>().Should().Be(72);
        commands.OfType<RunActivity>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("failed", InstanceStatus.Failed)]
    [InlineData("terminated", InstanceStatus.Terminated)]
    public void Terminate_WithStatus_EndsInstanceThatWay(string status, InstanceStatus expected)
    {
        var h = new Harness($$"""{ "id": "t", "steps": [ { "id": "stop", "type": "terminate", "status": "{{status}}", "reason": "exam date passed" } ] }""");
        h.Start();
        h.State.Status.Should().Be(expected);
    }

    [Fact]
    public void SubWorkflow_StartsChildAndContinuesWithItsOutput()
    {
        var h = new Harness("""
        { "id": "parent", "steps": [
          { "id": "child", "type": "subWorkflow", "workflow": "mkt-102", "version": 2, "input": { "inputId": "{{input.id}}" } },
          { "id": "use", "type": "activity", "activity": "x", "input": "{{steps.child.output.topic}}" } ] }
        """);
        var start = h.Start("""{"id":"in-9"}""").OfType<StartChild>().Single();
        start.WorkflowId.Should().Be("mkt-102");
        start.Version.Should().Be(2);
        start.ChildInstanceId.Should().Be("inst-1:child");
        start.Input!["inputId"]!.GetValue<string>().Should().Be("in-9");

        h.Apply(new ChildCompleted(start.ChildInstanceId, JsonNode.Parse("""{"topic":"BIM"}""")))
            .Activity("x").Input!.GetValue<string>().Should().Be("BIM");
    }

    [Fact]
    public void SubWorkflow_ChildFails_ParentFailsNamingChild()
    {
        var h = new Harness("""{ "id": "parent", "steps": [ { "id": "child", "type": "subWorkflow", "workflow": "w" } ] }""");
        var start = h.Start().OfType<StartChild>().Single();

        h.Apply(new ChildFailed(start.ChildInstanceId, new ErrorInfo(ErrorKinds.Permanent, "no brand")));

        h.State.Status.Should().Be(InstanceStatus.Failed);
        h.State.Error!.Kind.Should().Be(ErrorKinds.ChildFailed);
        h.State.Error.Message.Should().Contain("no brand").And.Contain(start.ChildInstanceId);
    }
    [Fact]
    public void SubWorkflow_OnErrorContinue_StepFailsWithChildErrorAndWorkflowGoesOn()
    {
        var h = new Harness("""
        { "id": "parent", "steps": [
          { "id": "child", "type": "subWorkflow", "workflow": "w", "onError": "continue" },
          { "id": "note", "type": "activity", "activity": "x", "input": { "status": "{{steps.child.status}}", "error": "{{steps.child.error.message}}" } } ] }
        """);
        var start = h.Start().OfType<StartChild>().Single();

        var note = h.Apply(new ChildFailed(start.ChildInstanceId, new ErrorInfo(ErrorKinds.Permanent, "no brand"))).Activity("x");

        h.State.Status.Should().Be(InstanceStatus.Running);
        note.Input!["status"]!.GetValue<string>().Should().Be("Failed");
        note.Input["error"]!.GetValue<string>().Should().Contain("no brand");
    }
}
