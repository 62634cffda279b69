using System.Text.Json.Nodes;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>A screened message (auto-reply, bounce, mailing list, the agent's own mail) opens no ticket and gets no
/// reply: its outcome is recorded with the reason, and a bounce's failed recipients are marked so they get no further
/// notifications. A dry run records nothing.</summary>
internal sealed class RecordScreenedActivity(MailOutcomes outcomes, SuppressedRecipients suppressed, TimeProvider time) : IActivity
{
    public string Name => MailAgentNames.RecordScreened;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var outcome = ActivityInput.Required(context, "outcome");
        var reason = ActivityInput.Optional(context, "reason") ?? "";
        var failed = ActivityInput.Array(context, "failedRecipients").Select(r => r?.ToString()).OfType<string>().ToList();
        if (!context.DryRun)
        {
            foreach (var address in failed)
            {
                await suppressed.MarkAsync(address, $"bounce: {reason}", cancellationToken);
            }

            await outcomes.RecordAsync(new MailOutcome(time.GetUtcNow(), ActivityInput.Required(context, "dedupKey"),
                ActivityInput.Optional(context, "mailbox") ?? "", outcome, reason), cancellationToken);
        }

        return new JsonObject
        {
            ["outcome"] = outcome,
            ["reason"] = reason,
            ["suppressed"] = new JsonArray(failed.Select(f => (JsonNode?)f).ToArray()),
        };
    }
}
