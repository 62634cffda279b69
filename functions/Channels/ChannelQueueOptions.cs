namespace Serverless.Functions.Channels;

/// <summary>Section "Channels:Queue": the Azure Storage queue emit steps publish to. Either ServiceUri (with
/// Credential "managedidentity" and ClientId, as the Functions "__queueServiceUri" connections) or a ConnectionString
/// (Azurite). The queue-triggered <see cref="ChannelMessageFunction"/> reads the same queue through the
/// AzureWebJobsStorage connection, so both must name the same account.</summary>
public sealed class ChannelQueueOptions
{
    public const string SectionName = "Channels:Queue";
    public const string DefaultName = "channel-messages";

    public Uri? ServiceUri { get; set; }

    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>Queue name; the Functions host moves messages that fail five times to "{Name}-poison".</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>Deliveries a message gets before it is moved to the poison queue (host.json queues.maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public string PoisonName => $"{Name}-poison";
}
