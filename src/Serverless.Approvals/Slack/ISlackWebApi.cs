using System.Text.Json.Nodes;

namespace Serverless.Approvals.Slack;

/// <summary>The two Slack Web API methods approvals use. Get one from IConnectorProvider&lt;ISlackWebApi&gt;: the real
/// client when Approvals:Slack:BotToken is set and the run is not a dry run, the recording sandbox otherwise.
/// Failures are ActivityExceptions carrying Slack's error code (channel_not_found, invalid_auth, ratelimited...).</summary>
public interface ISlackWebApi
{
    /// <summary>chat.postMessage: returns where the message landed (channel id and ts, needed to update it).</summary>
    Task<SlackMessageRef> PostMessageAsync(string channel, string text, JsonArray blocks, CancellationToken cancellationToken);

    /// <summary>chat.update: replaces the text and blocks of a message the bot posted.</summary>
    Task UpdateMessageAsync(SlackMessageRef message, string text, JsonArray blocks, CancellationToken cancellationToken);
}

public sealed record SlackMessageRef(string Channel, string Ts);
