using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Replies;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 6 (GO, NEEDS_CLARIFICATION): renders the reply template and writes it as a Zoho Desk draft (never
/// sent: a person reads it first). The draft ends with the ticket's marker, so a step retried after a crash finds
/// the draft it already made instead of writing a second one. In a dry run the sandbox records it and nothing is written.</summary>
internal sealed class CreateDraftActivity(IConnectorProvider<IZohoDeskClient> desk, ReplyTemplates templates, IOptions<HelpdeskOptions> options) : IActivity
{
    public string Name => HelpdeskNames.CreateDraft;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var to = ActivityInput.Required(context, "to");
        var template = ActivityInput.Required(context, "template");
        var marker = ActivityValues.Marker("draft", ticketId);
        var html = templates.Render(template, ActivityValues.Object(context, "vars")) + ActivityValues.MarkerLine(marker);
        var draft = await desk.For(context).CreateDraftReplyAsync(ticketId, new ZohoDraftReply(options.Value.FromEmailAddress, to, html), marker, cancellationToken);
        return new JsonObject
        {
            ["draftId"] = draft.Id,
            ["to"] = to,
            ["from"] = options.Value.FromEmailAddress,
            ["template"] = template,
            ["content"] = html,
        };
    }
}
