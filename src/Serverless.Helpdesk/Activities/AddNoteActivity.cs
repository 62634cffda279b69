using System.Text.Json.Nodes;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Replies;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>A private comment on the ticket for the agents (STOPPED_EXAM_DATE_PASSED: "à traiter manuellement",
/// ROUTE: the reason, DUPLICATE_UBER: the deals), rendered from a notes/ template; marked like the drafts.</summary>
internal sealed class AddNoteActivity(IConnectorProvider<IZohoDeskClient> desk, ReplyTemplates templates) : IActivity
{
    public string Name => HelpdeskNames.AddNote;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var template = ActivityInput.Required(context, "template");
        var marker = ActivityValues.Marker("note", ticketId, template);
        var html = templates.Render(template, ActivityValues.Object(context, "vars")) + ActivityValues.MarkerLine(marker);
        var comment = await desk.For(context).AddPrivateCommentAsync(ticketId, html, marker, cancellationToken);
        return new JsonObject { ["commentId"] = comment.Id, ["template"] = template, ["content"] = html };
    }
}
