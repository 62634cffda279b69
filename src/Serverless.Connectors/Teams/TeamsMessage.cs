using System.Text.Json.Nodes;

namespace Serverless.Connectors.Teams;

/// <summary>A Teams notification: a bold title, a text (Adaptive Card TextBlock markdown subset), optional facts and
/// an optional link button.</summary>
public sealed record TeamsMessage(string Title, string Text)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public IReadOnlyList<TeamsFact> Facts { get; init; } = [];

    public TeamsLink? Link { get; init; }

    /// <summary>The body both kinds of webhook take: a message activity with one Adaptive Card attachment (version 1.4,
    /// what Workflows' "Post card in a chat or channel" renders).</summary>
    internal JsonObject ToJson()
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = Title, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true, ["style"] = "heading" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = Text, ["wrap"] = true },
        };
        if (Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(Facts.Select(f => (JsonNode?)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }).ToArray()),
            });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (Link is not null)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = Link.Title, ["url"] = Link.Url.AbsoluteUri });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = AdaptiveCardContentType, ["contentUrl"] = null, ["content"] = card }),
        };
    }
}
