using Microsoft.Extensions.Options;
using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>The in-process <see cref="INotificationHub"/>: subscriptions by user id, fan-out under a short lock.</summary>
public sealed class NotificationHub(IOptions<CrmNotificationOptions> options) : INotificationHub
{
    private readonly Dictionary<string, List<NotificationSubscription>> byUser = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    public NotificationSubscription Subscribe(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var subscription = new NotificationSubscription(userId, options.Value.ConnectionBuffer, Remove, () => Interlocked.Increment(ref dropped));
        lock (gate)
        {
            if (!byUser.TryGetValue(userId, out var list))
            {
                byUser[userId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    public int Publish(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        NotificationSubscription[] targets;
        lock (gate)
        {
            targets = byUser.TryGetValue(notification.UserId, out var list) ? [.. list] : [];
        }

        // Outside the lock: with DropOldest a write never waits, but a dropped item runs the subscription's callback.
        return targets.Count(s => s.Offer(notification));
    }

    private void Remove(NotificationSubscription subscription)
    {
        lock (gate)
        {
            if (byUser.TryGetValue(subscription.UserId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                byUser.Remove(subscription.UserId);
            }
        }
    }
}
