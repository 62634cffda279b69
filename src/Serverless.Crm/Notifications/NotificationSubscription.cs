using System.Threading.Channels;
using Serverless.Crm.Data;

namespace Serverless.Crm.Notifications;

/// <summary>One connection's view of a user's live notifications: a bounded buffer that drops its oldest entry when
/// full rather than making the publisher wait.</summary>
public sealed class NotificationSubscription : IDisposable
{
    private readonly Channel<Notification> channel;
    private readonly Action<NotificationSubscription> unsubscribe;
    private long dropped;
    private int disposed;

    internal NotificationSubscription(string userId, int capacity, Action<NotificationSubscription> unsubscribe, Action onDropped)
    {
        UserId = userId;
        this.unsubscribe = unsubscribe;
        channel = Channel.CreateBounded<Notification>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref dropped);
                onDropped();
            });
    }

    public string UserId { get; }

    public ChannelReader<Notification> Reader => channel.Reader;

    /// <summary>How many notifications this subscription lost because its reader was too slow.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    internal bool Offer(Notification notification) => channel.Writer.TryWrite(notification);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unsubscribe(this);
            channel.Writer.TryComplete();
        }
    }
}
