using System.Text.Json.Nodes;
using Serverless.Crm.Activities;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Crm.Tests.Data;

namespace Serverless.Crm.Tests.Notifications;

public sealed class SendNotificationPublishTests : IDisposable
{
    private readonly CrmFixture crm = new();
    private readonly NotificationHub hub = NotificationHubTests.Hub();

    private static JsonObject Input => new() { ["user_id"] = " u1 ", ["message"] = "Deal signé", ["title"] = "Bravo", ["type"] = "success" };

    [Fact]
    public async Task RunAsync_PublishesTheStoredNotification_Once_EvenWhenRetried()
    {
        using var stream = hub.Subscribe("u1");
        var activity = new SendNotificationActivity(crm.Store, hub);

        var first = await activity.RunAsync(CrmFixture.Context(Input), default);
        await activity.RunAsync(CrmFixture.Context(Input, attempt: 2), default);

        stream.Reader.TryRead(out var live).Should().BeTrue();
        stream.Reader.TryRead(out _).Should().BeFalse("the retry found the first attempt's notification and must not deliver it again");
        live!.Id.Should().Be(first!["id"]!.ToString());
        live.Body.Should().Be("Deal signé");
        live.CreatedAt.Should().Be(crm.Clock.GetUtcNow(), "what is published is the stored record, with the store's timestamps");
    }

    [Fact]
    public async Task RunAsync_DryRun_PublishesNothing()
    {
        using var stream = hub.Subscribe("u1");

        await new SendNotificationActivity(crm.Store, hub).RunAsync(CrmFixture.Context(Input, dryRun: true), default);

        stream.Reader.TryRead(out _).Should().BeFalse();
        (await crm.Store.ListAsync<Notification>()).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_RetryAfterTheFirstAttemptStoredIt_DoesNotPublish()
    {
        // The first attempt stored its row and was lost before it could answer: the retry sees that row.
        var context = CrmFixture.Context(Input, attempt: 2);
        await crm.Store.CreateAsync(NotificationHubTests.Note(CrmActivityInputs.NewId("notif", context), "u1"));
        using var stream = hub.Subscribe("u1");

        var output = await new SendNotificationActivity(crm.Store, hub).RunAsync(context, default);

        output!["created"]!.GetValue<bool>().Should().BeFalse();
        stream.Reader.TryRead(out _).Should().BeFalse();
    }

    public void Dispose() => crm.Dispose();
}
