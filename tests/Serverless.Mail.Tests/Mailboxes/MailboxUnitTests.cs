using MimeKit;
using Serverless.Mail.Mailboxes;

namespace Serverless.Mail.Tests.Mailboxes;

public sealed class MailboxUnitTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(9, 300)]
    [InlineData(60, 300)]
    public void Backoff_DoublesFromTwoSecondsUpToTheCap(int failures, int seconds)
    {
        MailboxMonitorService.Backoff(failures, TimeSpan.FromMinutes(5)).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void DedupKey_IsTheMessageIdWhateverItsSpelling_ElseTheContent()
    {
        var a = new MimeMessage { MessageId = "ABC.123@Example.COM" };
        var b = new MimeMessage { MessageId = "abc.123@example.com" };
        var noId = new MimeMessage();
        noId.Headers.Remove(HeaderId.MessageId); // MimeMessage makes one up; a received message may have none

        WorkflowStartingSink.DedupKey(a, [1]).Should().Be(WorkflowStartingSink.DedupKey(b, [2])).And.StartWith("id-");
        WorkflowStartingSink.DedupKey(noId, [1]).Should().StartWith("content-").And.NotBe(WorkflowStartingSink.DedupKey(noId, [2]));
    }
}
