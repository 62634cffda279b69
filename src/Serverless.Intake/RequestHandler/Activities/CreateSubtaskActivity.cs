using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.ClickUp;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>Step 5: a ClickUp subtask under Connectors:ClickUp:ParentTaskId, named after the objet, whose description
/// gives the requester's email and the HubSpot ticket URL. The step's idempotency key goes to the connector, which
/// marks the subtask with it and returns the existing subtask when the step is retried.</summary>
internal sealed class CreateSubtaskActivity(IConnectorProvider<IClickUpClient> clickUp, IOptions<ClickUpOptions> options) : IActivity
{
    public string Name => RequestHandlerNames.CreateSubtask;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var objet = ActivityInput.Required(context, "objet");
        var email = ActivityInput.Required(context, "email");
        var ticketUrl = ActivityInput.Optional(context, "ticketUrl") ?? "(pas de ticket)";
        var parent = ActivityInput.Optional(context, "parentTaskId") ?? options.Value.ParentTaskId;
        var description = $"""
            Demande de modélisation reçue via le formulaire Figurative.

            - Demandeur : {email}
            - Ticket HubSpot : {ticketUrl}
            """;
        var task = await clickUp.For(context).CreateSubtaskAsync(parent, objet, description, context.IdempotencyKey, cancellationToken);
        return new JsonObject { ["subtaskId"] = task.Id, ["subtaskUrl"] = task.Url, ["parentTaskId"] = parent };
    }
}
