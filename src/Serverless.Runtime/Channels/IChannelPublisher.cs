using System.Text.Json.Nodes;

namespace Serverless.Runtime.Channels;

/// <summary>Publishes a message on a channel from outside a workflow (a webhook, a poller). Workflows publish
/// with an emit step instead.</summary>
public interface IChannelPublisher
{
    /// <summary>Stores the message once per id and starts its subscribers; returns the message id.</summary>
    Task<string> PublishAsync(string channel, JsonNode? payload, string? messageId = null, CancellationToken cancellationToken = default);
}
