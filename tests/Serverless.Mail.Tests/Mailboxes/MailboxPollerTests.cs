using MailKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Serverless.Mail.Mailboxes;

namespace Serverless.Mail.Tests.Mailboxes;

/// <summary>The poller against the real local Dovecot: new messages oldest first, marked on the server only once
/// handed on, a checkpoint that survives a restart, a UIDVALIDITY change re-scanned, filters, and failures that
/// are recorded and reported, never silent.</summary>
public sealed class MailboxPollerTests
{
    [Fact]
    public async Task Poll_HandsOnNewMessagesOldestFirst_MarksThemSeen_AndASecondPollFindsNothing()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        var uids = await mailbox.DeliverAsync(TestMailbox.Message("Un"), TestMailbox.Message("Deux"), TestMailbox.Message("Trois"));
        var sink = new RecordingSink();
        await using var services = mailbox.Services(sink);
        var poller = services.GetRequiredService<MailboxPoller>();

        var first = await poller.PollAsync("support", CancellationToken.None);
        var second = await poller.PollAsync("support", CancellationToken.None);

        first.Should().Be(new PollResult("support", 3, 3, 0, false));
        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("Un", "Deux", "Trois");
        sink.Accepted.Select(m => m.Uid).Should().Equal(uids);
        second.Seen.Should().Be(0);
        (await mailbox.ListAsync()).Should().OnlyContain(m => m.Flags.HasFlag(MessageFlags.Seen));
        (await services.GetRequiredService<MailboxCheckpoints>().GetAsync("support", CancellationToken.None))!.LastUid.Should().Be(uids[^1]);
    }

    [Fact]
    public async Task NoListeningWorkflow_LeavesMessagesUnreadAndUnmarked_ForWhenOneListens()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("En attente"));
        var sink = new RecordingSink { Listening = false };
        await using var services = mailbox.Services(sink);
        var poller = services.GetRequiredService<MailboxPoller>();

        var idle = await poller.PollAsync("support", CancellationToken.None);
        sink.Listening = true;
        var listening = await poller.PollAsync("support", CancellationToken.None);

        idle.Seen.Should().Be(0);
        listening.HandedOn.Should().Be(1);
        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("En attente");
    }

    [Fact]
    public async Task Restart_GoesOnFromTheCheckpoint_NeitherSkippingNorRereading()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("Avant"));
        var sink = new RecordingSink();
        await using (var before = mailbox.Services(sink))
        {
            await before.GetRequiredService<MailboxPoller>().PollAsync("support", CancellationToken.None);
        }

        await mailbox.DeliverAsync(TestMailbox.Message("Après"));
        await using var after = mailbox.Services(sink);
        await after.GetRequiredService<MailboxPoller>().PollAsync("support", CancellationToken.None);

        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("Avant", "Après");
    }

    [Fact]
    public async Task SinkFailure_LeavesTheMessageUnseenAndTheCheckpointBeforeIt_SoTheNextPollRetriesIt()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("Premier"), TestMailbox.Message("Échoue"));
        var sink = new RecordingSink { FailOn = m => m.Message.Subject == "Échoue" ? new IOException("disk full") : null };
        await using var services = mailbox.Services(sink);
        var poller = services.GetRequiredService<MailboxPoller>();

        var failed = () => poller.PollAsync("support", CancellationToken.None);
        await failed.Should().ThrowAsync<IOException>();
        sink.FailOn = _ => null;
        await poller.PollAsync("support", CancellationToken.None);

        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("Premier", "Échoue");
        (await mailbox.ListAsync()).Should().OnlyContain(m => m.Flags.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task Idle_MailThatCameAfterTheLastPoll_IsNewMailAtOnce_AndANewMessageEndsTheWait()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("Lu"));
        var sink = new RecordingSink();
        await using var services = mailbox.Services(sink);
        var poller = services.GetRequiredService<MailboxPoller>();
        await poller.PollAsync("support", CancellationToken.None);

        // Nothing since the poll: the wait lasts until its end.
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        (await poller.IdleAsync("support", TimeSpan.FromSeconds(2), CancellationToken.None)).Should().Be(IdleOutcome.TimedOut);
        quiet.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5));

        // A message delivered between the poll and the IDLE raises no EXISTS during it, yet is not left for the next poll.
        await mailbox.DeliverAsync(TestMailbox.Message("Arrivé entre deux"));
        var early = System.Diagnostics.Stopwatch.StartNew();
        (await poller.IdleAsync("support", TimeSpan.FromSeconds(30), CancellationToken.None)).Should().Be(IdleOutcome.NewMail);
        early.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));

        await poller.PollAsync("support", CancellationToken.None);
        var waiting = poller.IdleAsync("support", TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(500);
        await mailbox.DeliverAsync(TestMailbox.Message("Pendant l'attente"));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(IdleOutcome.NewMail);
        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("Lu", "Arrivé entre deux");
    }

    [Fact]
    public async Task UidValidityChange_RescansTheFolderFromItsFirstMessage()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("A"), TestMailbox.Message("B"));
        var sink = new RecordingSink();
        await using var services = mailbox.Services(sink);
        // A checkpoint of a folder that was rebuilt since: other UIDVALIDITY, a last UID far ahead.
        await services.GetRequiredService<MailboxCheckpoints>().AdvanceAsync("support", new MailboxCheckpoint(1, 9_999), CancellationToken.None);

        var result = await services.GetRequiredService<MailboxPoller>().PollAsync("support", CancellationToken.None);

        result.Rescanned.Should().BeTrue();
        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("A", "B");
    }

    [Fact]
    public async Task Filters_HandOnOnlyMatchingMessages_OthersStayUnseenButAreNotReadAgain()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        await mailbox.DeliverAsync(TestMailbox.Message("[Support] Accès bloqué"), TestMailbox.Message("Newsletter"), TestMailbox.Message("[Support] Facture"));
        var sink = new RecordingSink();
        await using var services = mailbox.Services(sink, new Dictionary<string, string?> { ["Mail:Mailboxes:support:SubjectContains:0"] = "[support]" });
        var poller = services.GetRequiredService<MailboxPoller>();

        var result = await poller.PollAsync("support", CancellationToken.None);
        var again = await poller.PollAsync("support", CancellationToken.None);

        result.Should().Be(new PollResult("support", 3, 2, 1, false));
        sink.Accepted.Select(m => m.Message.Subject).Should().Equal("[Support] Accès bloqué", "[Support] Facture");
        (await mailbox.ListAsync()).Count(m => !m.Flags.HasFlag(MessageFlags.Seen)).Should().Be(1);
        again.Seen.Should().Be(0);
    }

    [Fact]
    public async Task AfterProcessingMove_MovesEachHandedOnMessage()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        var done = mailbox.Folder + "done";
        await mailbox.CreateFolderAsync(done);
        await mailbox.DeliverAsync(TestMailbox.Message("À classer"));
        await using var services = mailbox.Services(new RecordingSink(), new Dictionary<string, string?>
        {
            ["Mail:Mailboxes:support:AfterProcessing"] = "Move",
            ["Mail:Mailboxes:support:MoveTo"] = done,
        });

        await services.GetRequiredService<MailboxPoller>().PollAsync("support", CancellationToken.None);

        (await mailbox.ListAsync()).Should().BeEmpty();
        (await mailbox.ListAsync(done)).Should().ContainSingle();
    }

    [Fact]
    public async Task FailingMailbox_IsRecorded_DegradedThenUnhealthyAfterAlertAfter_WithoutThePassword()
    {
        await using var mailbox = await TestMailbox.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await using var services = mailbox.Services(new RecordingSink(), new Dictionary<string, string?>
        {
            ["Mail:Mailboxes:support:Password"] = "wrong-password-1234",
            ["Mail:AlertAfter"] = "00:10:00",
        }, clock);
        var poller = services.GetRequiredService<MailboxPoller>();
        var checks = services.GetRequiredService<HealthCheckService>();

        await FluentActions.Awaiting(() => poller.PollAsync("support", CancellationToken.None)).Should().ThrowAsync<Exception>();
        var degraded = await checks.CheckHealthAsync();
        clock.Advance(TimeSpan.FromMinutes(11));
        await FluentActions.Awaiting(() => poller.PollAsync("support", CancellationToken.None)).Should().ThrowAsync<Exception>();
        var unhealthy = await checks.CheckHealthAsync();

        var status = services.GetRequiredService<MailboxHealth>().Of("support");
        status.ConsecutiveFailures.Should().Be(2);
        status.FailingSince.Should().Be(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        status.LastError.Should().Contain("Authentication").And.NotContain("wrong-password-1234");
        degraded.Entries["mailboxes"].Status.Should().Be(HealthStatus.Degraded);
        unhealthy.Entries["mailboxes"].Status.Should().Be(HealthStatus.Unhealthy);
        unhealthy.Entries["mailboxes"].Description.Should().Contain("mailbox 'support' failing since");
    }
}
