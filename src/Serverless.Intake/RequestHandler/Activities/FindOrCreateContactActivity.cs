using System.Text.Json.Nodes;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>Step 3: the HubSpot contact with the requester's email, created (first/last name from user_name) when missing.</summary>
internal sealed class FindOrCreateContactActivity(IConnectorProvider<IHubSpotClient> hubSpot) : IActivity
{
    public string Name => RequestHandlerNames.FindOrCreateContact;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var email = ActivityInput.Required(context, "email");
        var client = hubSpot.For(context);
        var existing = await client.FindContactByEmailAsync(email, cancellationToken);
        if (existing is not null)
        {
            return new JsonObject { ["contactId"] = existing.Id, ["created"] = false };
        }

        var (first, last) = SplitName(ActivityInput.Optional(context, "name"));
        var contact = await client.CreateContactAsync(email, first, last, cancellationToken);
        return new JsonObject { ["contactId"] = contact.Id, ["created"] = true };
    }

    /// <summary>"Marie-Claire de la Tour" -> ("Marie-Claire", "de la Tour"); one word is a first name only.</summary>
    internal static (string? First, string? Last) SplitName(string? name)
    {
        var parts = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => (null, null),
            1 => (parts[0], null),
            _ => (parts[0], string.Join(' ', parts[1..])),
        };
    }
}
