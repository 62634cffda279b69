using System.Globalization;
using Serverless.Connectors.Email;

namespace Serverless.Connectors.Tests.Email;

/// <summary>Against the real local SMTP server (OpenSMTPD), read back over IMAP from Dovecot.</summary>
public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Send_HtmlWithTextAlternative_ArrivesInTheMailboxAsMultipartAlternative()
    {
        var mail = MailServerSettings.FromEnvironment();
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = mail.SmtpHost,
            ["Connectors:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Connectors:Smtp:Security"] = "None",
            ["Connectors:Smtp:From"] = "robot@example.test",
            ["Connectors:Smtp:FromName"] = "Serverless",
        });
        var subject = $"Nouveau ticket {Guid.NewGuid():N}";

        var receipt = await host.Connector<IEmailSender>().SendAsync(new EmailMessage([mail.User], subject,
            "Ticket créé : https://app.hubspot.com/contacts/1/record/0-5/2",
            "<p>Ticket créé : <a href=\"https://app.hubspot.com/contacts/1/record/0-5/2\">ouvrir</a></p>"), default);

        var message = await ReadBackAsync(mail, subject);
        message.Should().Contain(receipt.MessageId);
        message.Should().Contain("From: Serverless <robot@example.test>");
        message.Should().Contain("Auto-Submitted: auto-generated", "mail a program sends says so (RFC 3834)");
        message.Should().Contain("multipart/alternative");
        message.Should().Contain("text/plain").And.Contain("text/html");
        message.IndexOf("text/plain", StringComparison.Ordinal).Should().BeLessThan(message.IndexOf("text/html", StringComparison.Ordinal),
            "clients prefer the last alternative, which must be the HTML one");
    }

    [Fact]
    public async Task Send_WithOwnHeaders_TheyArriveAndWinOverTheDefault()
    {
        var mail = MailServerSettings.FromEnvironment();
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = mail.SmtpHost,
            ["Connectors:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Connectors:Smtp:Security"] = "None",
            ["Connectors:Smtp:From"] = "robot@example.test",
        });
        var id = Guid.NewGuid().ToString("N");
        var subject = $"Réponse automatique {id} — été";

        await host.Connector<IEmailSender>().SendAsync(new EmailMessage([mail.User], subject, "Bien reçu.", null)
        {
            Headers = new Dictionary<string, string> { ["X-Serverless-Agent"] = "email-ticket", ["Auto-Submitted"] = "auto-replied" },
            ReplyTo = "support@example.test",
        }, default);

        var message = await ReadBackAsync(mail, id);
        message.Should().Contain("X-Serverless-Agent: email-ticket");
        message.Should().Contain("Auto-Submitted: auto-replied").And.NotContain("auto-generated");
        message.Should().Contain("Reply-To: support@example.test");
        message.Should().Contain("=?utf-8?", "a non-ASCII subject travels as encoded words");
    }

    [Fact]
    public async Task Send_NobodyListening_IsATransientFailureNamingTheServer()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = "127.0.0.1",
            ["Connectors:Smtp:Port"] = "9",
            ["Connectors:Smtp:Security"] = "None",
            ["Connectors:Smtp:From"] = "robot@example.test",
        });

        var act = () => host.Connector<IEmailSender>().SendAsync(new EmailMessage(["a@example.test"], "x", "y", null), default);

        var failure = (await act.Should().ThrowAsync<Serverless.Runtime.Abstractions.ActivityException>()).Which;
        failure.Kind.Should().Be("Transient");
        failure.Message.Should().Contain("127.0.0.1:9");
    }

    [Fact]
    public async Task Send_UnknownRecipientDomain_FailsWithAKindNotAnUnhandledException()
    {
        var mail = MailServerSettings.FromEnvironment();
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = mail.SmtpHost,
            ["Connectors:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Connectors:Smtp:Security"] = "None",
            ["Connectors:Smtp:From"] = "robot@example.test",
        });

        var act = () => host.Connector<IEmailSender>().SendAsync(new EmailMessage(["someone@elsewhere.invalid"], "x", "y", null), default);

        (await act.Should().ThrowAsync<Serverless.Runtime.Abstractions.ActivityException>()).Which.Kind.Should().BeOneOf("Validation", "Permanent");
    }

    private static async Task<string> ReadBackAsync(MailServerSettings mail, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var imap = new RawImapClient();
            await imap.ConnectAsync(mail.ImapHost, mail.ImapPort, mail.User, mail.Password);
            var found = await imap.SearchSubjectAsync(subject);
            if (found.Count > 0)
            {
                return await imap.FetchAsync(found[0]);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message with subject '{subject}' reached {mail.User} within 15 s.");
            }

            await Task.Delay(200);
        }
    }
}
