using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>Step 4: the HubSpot ticket associated with the contact. Its content carries the description, the file
/// links, or the note "fichiers en attente" with the reason when storing the files failed. Pipeline and stage come
/// from Connectors:HubSpot; type, source form and reclassification go to the properties named there. The step's
/// idempotency key goes with the request: with Connectors:HubSpot:IdempotencyProperty set, a retried step gets the
/// ticket its first attempt created.</summary>
internal sealed class CreateTicketActivity(IConnectorProvider<IHubSpotClient> hubSpot) : IActivity
{
    public const string FilesPendingNote = "fichiers en attente";

    public string Name => RequestHandlerNames.CreateTicket;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var contactId = ActivityInput.Required(context, "contactId");
        var type = ActivityInput.Required(context, "type");
        var objet = ActivityInput.Required(context, "objet");
        var source = ActivityInput.Optional(context, "source");
        var reclassified = ActivityInput.Flag(context, "reclassified");
        var request = new HubSpotTicketRequest($"[{type}] {objet}", Content(context, type, reclassified), contactId)
        {
            RequestType = type,
            SourceForm = source,
            Reclassified = reclassified,
            IdempotencyKey = context.IdempotencyKey,
        };
        var ticket = await hubSpot.For(context).CreateTicketAsync(request, cancellationToken);
        return new JsonObject { ["ticketId"] = ticket.Id, ["ticketUrl"] = ticket.Url };
    }

    private static string Content(ActivityContext context, string type, bool reclassified)
    {
        var text = new StringBuilder();
        text.AppendLine(ActivityInput.Optional(context, "description")).AppendLine();
        text.Append("Demandeur : ").Append(ActivityInput.Optional(context, "name")).Append(" <").Append(ActivityInput.Optional(context, "email")).AppendLine(">");
        text.Append("Formulaire : ").Append(ActivityInput.Optional(context, "source")).Append(" ; type retenu : ").AppendLine(type);
        if (reclassified)
        {
            var confidence = ActivityInput.Number(context, "confidence") ?? 0;
            text.Append("Reclassée automatiquement (").Append(ActivityInput.Optional(context, "classifier"))
                .Append(", confiance ").Append(confidence.ToString("0.00", CultureInfo.InvariantCulture)).AppendLine(").");
        }

        var links = ActivityInput.Array(context, "files");
        var attached = ActivityInput.Array(context, "attachments");
        if (ActivityInput.Flag(context, "filesPending"))
        {
            text.AppendLine().Append("Note : ").Append(FilesPendingNote).Append(" (").Append(attached.Count).Append(" fichier(s) non transféré(s) : ")
                .Append(ActivityInput.Optional(context, "filesPendingReason") ?? "raison inconnue").AppendLine(").");
            foreach (var file in attached)
            {
                text.Append("- ").AppendLine(file?["name"]?.ToString());
            }
        }
        else if (links.Count > 0)
        {
            text.AppendLine().AppendLine("Fichiers :");
            foreach (var file in links)
            {
                text.Append("- ").Append(file?["name"]).Append(" : ").AppendLine(file?["url"]?.ToString());
            }
        }
        else if (attached.Count > 0)
        {
            text.AppendLine().Append("Fichiers joints (non transférés pour une demande de type ").Append(type).AppendLine(") :");
            foreach (var file in attached)
            {
                text.Append("- ").AppendLine(file?["name"]?.ToString());
            }
        }

        return text.ToString().TrimEnd();
    }
}
