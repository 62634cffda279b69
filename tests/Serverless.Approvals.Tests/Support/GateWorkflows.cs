using System.Text.Json.Nodes;

namespace Serverless.Approvals.Tests.Support;

/// <summary>Approval workflows as users write them: a gate, then a step that records the decision.</summary>
public static class GateWorkflows
{
    public const string WorkflowId = "content-approval";
    public const string GateId = "review";

    private const string Template = """
        {
          "id": "content-approval",
          "version": 1,
          "steps": [
            { "id": "review", "type": "approval",
              "approvers": [
                { "name": "editors", "members": ["ed@example.com", "#content-approvals"] }
                __GROUP2__
              ],
              "channels": ["email", "slack"],
              "message": { "subject": "Publier « {{trigger.body.title}} »", "body": "Post prévu le {{trigger.body.date}}" },
              "item": { "title": "{{trigger.body.title}}", "platform": "linkedin", "text": "{{trigger.body.text}}" },
              __EXTRA__
              "onTimeout": "__ONTIMEOUT__" },
            { "id": "publish", "type": "activity", "activity": "publish",
              "input": { "decision": "{{steps.review.output.decision}}", "by": "{{steps.review.output.decidedBy}}",
                         "comment": "{{steps.review.output.comment}}", "timedOut": "{{steps.review.output.timedOut}}" } }
          ]
        }
        """;

    public static string Workflow(string onTimeout = "reject", string? deadline = "24h", string? reminder = null, bool twoGroups = false)
    {
        var extra = (reminder is null ? "" : $"\"reminder\": {{ \"interval\": \"{reminder}\", \"max\": 2 }},")
            + (deadline is null ? "" : $"\"deadline\": \"{deadline}\",");
        return Template.Replace("__GROUP2__", twoGroups ? """, { "name": "owners", "members": ["boss@example.com"] }""" : "", StringComparison.Ordinal)
            .Replace("__EXTRA__", extra, StringComparison.Ordinal)
            .Replace("__ONTIMEOUT__", onTimeout, StringComparison.Ordinal);
    }

    public static JsonObject Input() => new()
    {
        ["title"] = "Lancement BIM 2026",
        ["date"] = "2026-03-10",
        ["text"] = "Nous lançons notre nouvelle offre <BIM> & plus.",
    };
}
