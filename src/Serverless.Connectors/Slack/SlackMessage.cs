using System.Text.Json.Nodes;

namespace Serverless.Connectors.Slack;

/// <summary>A message for a Slack incoming webhook: Text (mrkdwn, also the notification fallback) and optional
/// Block Kit blocks.</summary>
public sealed record SlackMessage(string Text)
{
    public JsonArray? Blocks { get; init; }

    internal JsonObject ToJson() => Blocks is null
        ? new JsonObject { ["text"] = Text }
        : new JsonObject { ["text"] = Text, ["blocks"] = Blocks.DeepClone() };
}
