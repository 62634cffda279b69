namespace Serverless.Crm.Notifications;

/// <summary>The "Crm:Notifications" settings of the notification stream.</summary>
public sealed class CrmNotificationOptions
{
    public const string SectionName = "Crm:Notifications";

    /// <summary>Seconds between two heartbeat comments on an open stream (1..300), so proxies keep it open and a
    /// vanished client is noticed.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Live notifications one connection may have waiting (1..10000); past that the oldest is dropped.</summary>
    public int ConnectionBuffer { get; set; } = 100;

    /// <summary>Most kept notifications a stream sends on connect (1..1000), the newest of them.</summary>
    public int ReplayLimit { get; set; } = 100;
}
