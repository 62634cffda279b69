using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Serverless.Functions.Durable;
using Serverless.Storage.Azure;

namespace Serverless.Functions.Channels;

/// <summary>The channel queue and its poison queue. Messages are Base64 JSON <see cref="ChannelMessage"/>s, the
/// encoding the Functions queue trigger expects by default.</summary>
public sealed class ChannelQueue
{
    private readonly Lazy<Task<QueueClient>> messages;
    private readonly Lazy<Task<QueueClient>> poison;

    public ChannelQueue(IOptions<ChannelQueueOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        messages = new Lazy<Task<QueueClient>>(() => CreateAsync(o, o.Name));
        poison = new Lazy<Task<QueueClient>>(() => CreateAsync(o, o.PoisonName));
        MaxDequeueCount = o.MaxDequeueCount;
    }

    public int MaxDequeueCount { get; }

    public Task<QueueClient> MessagesAsync() => messages.Value;

    public Task<QueueClient> PoisonAsync() => poison.Value;

    public async Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var queue = await MessagesAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken);
    }

    /// <summary>Parks a message that cannot be delivered, with the reason, where the host parks failed ones.</summary>
    public async Task ParkAsync(ChannelMessage message, string reason, CancellationToken cancellationToken)
    {
        var queue = await PoisonAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(message with { Reason = reason }), cancellationToken);
    }

    /// <summary>A queue message body as a channel message; null for a body that is not one (foreign or corrupt).</summary>
    public static ChannelMessage? Read(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ChannelMessage>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<QueueClient> CreateAsync(ChannelQueueOptions o, string name)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var client = o.ConnectionString is { Length: > 0 } connection
            ? new QueueClient(connection, name, clientOptions)
            : new QueueClient(new Uri(o.ServiceUri!, name), AzureCredentials.Create(o.Credential, o.ClientId), clientOptions);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
