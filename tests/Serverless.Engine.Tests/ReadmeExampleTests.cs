using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Engine.Tests.Interpreter;

namespace Serverless.Engine.Tests;

/// <summary>The example in README "Writing a workflow" is real: it is the shipped example file and it runs.</summary>
public partial class ReadmeExampleTests
{
    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var section = readme[readme.IndexOf("## Writing a workflow", StringComparison.Ordinal)..];
        return JsonBlock().Match(section).Groups[1].Value;
    }

    [Fact]
    public void ReadmeExample_IsTheShippedExampleFile()
    {
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "large-deal-alert.json"));

        ReadmeExample().Trim().Should().Be(file.Trim());
    }

    [Theory]
    [InlineData(80_000, null)]
    [InlineData(250_000, "approved")]
    public void ReadmeExample_RunsThroughTheInterpreter(int amount, string? approval)
    {
        var h = new Harness(ReadmeExample(), "readme-1");
        h.Start($$"""{"organisation":{"id":"org-7","nom":"Valione"},"montant_potentiel":{{amount}}}""");

        h.RunToEnd(run => run.Activity switch
        {
            "crm.getOwner" => JsonNode.Parse("""{"managerEmail":"manager@example.com","ownerId":"u-3"}"""),
            "email.send" => throw new InvalidOperationException("SMTP refused"),
            "crm.createTask" => JsonNode.Parse("""{"id":"T-1"}"""),
            _ => null,
        }, fireTimers: approval is null);
        if (approval is not null)
        {
            h.State.Status.Should().Be(InstanceStatus.Waiting, "the director's approval is pending");
            h.Raise(ApprovalGate.EventName("directorApproval"), $$"""{"decision":"{{approval}}","by":"direction@example.com"}""");
            h.RunToEnd(run => run.Activity == "crm.createTask" ? JsonNode.Parse("""{"id":"T-1"}""") : null);
        }

        h.State.Status.Should().Be(InstanceStatus.Completed);
        h.State.Output!["taskId"]!.GetValue<string>().Should().Be("T-1");
        h.State.Output!["approval"]?.GetValue<string>().Should().Be(approval);
        h.Step("alert").Status.Should().Be(StepStatus.Failed, "the alert failed and the workflow went on");
        var task = h.AllCommands.Activity("crm.createTask").Input!;
        task["title"]!.GetValue<string>().Should().Be("Appeler Valione");
        task["assignee"]!.GetValue<string>().Should().Be("u-3");
        DateTimeOffset.Parse(task["dueDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(h.Now.AddDays(3));
        h.AllCommands.Activity("email.send").Input!["subject"]!.GetValue<string>().Should().Contain("Valione").And.Contain(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReadmeExample_DeserializesIntoTheDeclaredSteps()
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(ReadmeExample(), EngineJson.Options)!;

        definition.Triggers.Should().HaveCount(2).And.ContainItemsAssignableTo<Trigger>();
        definition.Steps.Select(s => s.Type).Should().Equal(StepTypes.Activity, StepTypes.Activity, StepTypes.If, StepTypes.Activity);
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
