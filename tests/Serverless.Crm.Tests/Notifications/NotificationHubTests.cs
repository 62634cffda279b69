using Microsoft.Extensions.Options;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;

namespace Serverless.Crm.Tests.Notifications;

public sealed class NotificationHubTests
{
    [Fact]
    public void Publish_ReachesEveryConnectionOfTheUser_AndNoOtherUser()
    {
        var hub = Hub();
        using var phone = hub.Subscribe("u1");
        using var laptop = hub.Subscribe("u1");
        using var other = hub.Subscribe("u2");

        hub.Publish(Note("n1", "u1")).Should().Be(2);

        phone.Reader.TryRead(out var a).Should().BeTrue();
        laptop.Reader.TryRead(out var b).Should().BeTrue();
        a!.Id.Should().Be("n1");
        b!.Id.Should().Be("n1");
        other.Reader.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void Publish_ToAFullConnection_DropsTheOldest_CountsIt_AndDoesNotWait()
    {
        var hub = Hub(buffer: 2);
        using var slow = hub.Subscribe("u1");
        using var fast = hub.Subscribe("u1");

        hub.Publish(Note("n1", "u1"));
        fast.Reader.TryRead(out _).Should().BeTrue();
        hub.Publish(Note("n2", "u1"));
        hub.Publish(Note("n3", "u1")).Should().Be(2);

        slow.Dropped.Should().Be(1);
        fast.Dropped.Should().Be(0);
        hub.Dropped.Should().Be(1);
        Drain(slow).Should().Equal("n2", "n3");
        Drain(fast).Should().Equal("n2", "n3");
    }

    [Fact]
    public void Dispose_Unsubscribes_AndCompletesTheReader()
    {
        var hub = Hub();
        var subscription = hub.Subscribe("u1");
        subscription.Dispose();
        subscription.Dispose();

        hub.Publish(Note("n1", "u1")).Should().Be(0);
        subscription.Reader.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void Publish_WithNobodyConnected_IsZero()
    {
        Hub().Publish(Note("n1", "nobody")).Should().Be(0);
    }

    internal static NotificationHub Hub(int buffer = 100) =>
        new(Options.Create(new CrmNotificationOptions { ConnectionBuffer = buffer }));

    internal static Notification Note(string id, string userId, bool read = false) =>
        new() { Id = id, UserId = userId, Body = $"body of {id}", Title = "t", Type = "info", Read = read };

    private static List<string> Drain(NotificationSubscription subscription)
    {
        var ids = new List<string>();
        while (subscription.Reader.TryRead(out var n))
        {
            ids.Add(n.Id);
        }

        return ids;
    }
}
