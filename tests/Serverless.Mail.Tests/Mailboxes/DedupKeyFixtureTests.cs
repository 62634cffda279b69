using MimeKit;
using Serverless.Mail.Mailboxes;
using Serverless.Mail.Tests.Parsing;

namespace Serverless.Mail.Tests.Mailboxes;

/// <summary>The key that makes one message one workflow instance, on received messages rather than built ones.</summary>
public sealed class DedupKeyFixtureTests
{
    [Fact]
    public void DedupKey_NoMessageId_SameMessageTwice_SameContentKey()
    {
        var first = Key(Fixtures.Load("no-message-id.eml"));
        var again = Key(Fixtures.Load("no-message-id.eml"));

        first.Should().StartWith("content-").And.Be(again);
    }

    [Fact]
    public void DedupKey_NoMessageId_DifferentBodies_DifferentKeys()
    {
        var original = Fixtures.Load("no-message-id.eml");
        var other = Fixtures.Load("no-message-id.eml");
        ((TextPart)other.Body!).Text = "Document numerise le 03/12/2026 a 07:31.";

        Key(original).Should().NotBe(Key(other));
    }

    [Theory]
    [InlineData("<reply-9001@client.example>")]
    [InlineData("<reply-9001@CLIENT.Example>")]
    [InlineData("  <reply-9001@client.example>  ")]
    [InlineData("reply-9001@client.example")]
    [InlineData("<reply-9001@client.example\r\n >")]
    public void DedupKey_MessageIdSpellings_OneKey(string header)
    {
        var message = Fixtures.Load("reply-ticket.eml");
        var reference = Key(message);
        message.Headers[HeaderId.MessageId] = header;

        Key(message).Should().StartWith("id-").And.Be(reference);
    }

    [Fact]
    public void DedupKey_SameIdDifferentContent_SameKey()
    {
        var received = Fixtures.Load("reply-ticket.eml");
        var resent = Fixtures.Load("reply-ticket.eml");
        resent.Headers.Add("X-Resent-By", "imap-move");

        Key(received).Should().Be(Key(resent));
    }

    private static string Key(MimeMessage message)
    {
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        return WorkflowStartingSink.DedupKey(message, raw.ToArray());
    }
}
