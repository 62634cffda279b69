using System.Text.Json.Nodes;
using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Channels;

internal sealed class ChannelPublisher(EventPump pump, ChannelRouter router) : IChannelPublisher
{
    public async Task<string> PublishAsync(string channel, JsonNode? payload, string? messageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var id = messageId ?? Guid.CreateVersion7().ToString("N");
        await pump.WriteAsync(context => router.Publish(context, id, channel, payload?.DeepClone(), sourceInstanceId: null))
            .WaitAsync(cancellationToken);
        return id;
    }
}
