using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>
/// Notifications delivered live to the users connected to this process. One subscription per open stream, each
/// with its own bounded buffer: a slow reader loses its oldest notifications (counted in
/// <see cref="NotificationSubscription.Dropped"/>) and never blocks the activity that publishes. What a stream
/// misses is still in the store (list, or reconnect with Last-Event-ID).
/// </summary>
public interface INotificationHub
{
    /// <summary>A new subscription to the notifications of <paramref name="userId"/>; dispose it to unsubscribe.</summary>
    NotificationSubscription Subscribe(string userId);

    /// <summary>Hands the notification to every subscription of its user; returns how many there were.</summary>
    int Publish(Notification notification);

    /// <summary>How many notifications have been dropped from slow subscriptions since the process started.</summary>
    long Dropped { get; }
}
