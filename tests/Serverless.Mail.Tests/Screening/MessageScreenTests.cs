using Microsoft.Extensions.Options;
using MimeKit;
using Serverless.Mail.Screening;
using Serverless.Mail.Tests.Parsing;

namespace Serverless.Mail.Tests.Screening;

public sealed class MessageScreenTests
{
    private readonly MessageScreen screen = new(Options.Create(new MailScreeningOptions { OwnAddresses = ["support@exemple.fr"] }));

    [Theory]
    [InlineData("plain-latin1.eml")]
    [InlineData("plain-utf8.eml")]
    [InlineData("alternative-html.eml")]
    [InlineData("attachments.eml")]
    [InlineData("forwarded.eml")]
    [InlineData("reply-ticket.eml")]
    [InlineData("no-message-id.eml")]
    [InlineData("reply-own-message.eml")]
    public void Screen_MessageFromAPerson_IsAccepted(string fixture)
    {
        var verdict = screen.Screen(Fixtures.Load(fixture));

        verdict.Outcome.Should().Be(ScreenOutcome.Accept);
        verdict.IsAccepted.Should().BeTrue();
        verdict.FailedRecipients.Should().BeEmpty();
    }

    [Fact]
    public void Screen_OutlookOutOfOffice_IsAnAutoReplyByAutoSubmitted()
    {
        var verdict = screen.Screen(Fixtures.Load("outlook-out-of-office.eml"));

        verdict.Should().Be(new ScreenVerdict(ScreenOutcome.AutoReply,
            "Header Auto-Submitted is 'auto-replied' (RFC 3834: not written by a person).", verdict.FailedRecipients));
        verdict.FailedRecipients.Should().BeEmpty();
    }

    [Fact]
    public void Screen_PersonThroughAnExchangeDistributionGroup_IsAccepted_DespiteXAutoResponseSuppress()
    {
        // The group adds "do not send me automatic replies"; that says nothing about who wrote the message.
        var verdict = screen.Screen(Fixtures.Load("exchange-distribution-group.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.Accept);
    }

    [Fact]
    public void Screen_OutOfOfficeWithOnlyItsSubject_IsCaughtBecauseItAnswersAMessage()
    {
        var message = Fixtures.Load("outlook-out-of-office.eml");
        message.Headers.Remove("Auto-Submitted");

        var verdict = screen.Screen(message);

        verdict.Outcome.Should().Be(ScreenOutcome.AutoReply);
        verdict.Reason.Should().Be("The Subject starts with 'Réponse automatique' and the message answers another (In-Reply-To/References).");
    }

    [Theory]
    [InlineData("Automatic reply: Imprimante")]
    [InlineData("Automatische Antwort: Drucker")]
    [InlineData("Automatisch antwoord: Printer")]
    [InlineData("Respuesta automática: Impresora")]
    [InlineData("Réponse automatique")]
    public void Screen_OutlookOutOfOfficeSubjectsOnAnAnswer_AreAutoReplies(string subject)
    {
        var message = Fixtures.Load("outlook-out-of-office.eml");
        message.Headers.Remove("Auto-Submitted");
        message.Subject = subject;

        screen.Screen(message).Outcome.Should().Be(ScreenOutcome.AutoReply);
    }

    [Fact]
    public void Screen_OutOfOfficeSubjectOnANewMessage_IsAccepted()
    {
        var message = Fixtures.Load("outlook-out-of-office.eml");
        message.Headers.Remove("Auto-Submitted");
        message.Headers.Remove(HeaderId.InReplyTo);
        message.Headers.Remove(HeaderId.References);

        screen.Screen(message).Outcome.Should().Be(ScreenOutcome.Accept);
    }

    [Fact]
    public void Screen_XAutoreply_IsAnAutoReply()
    {
        var verdict = screen.Screen(Fixtures.Load("x-autoreply.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.AutoReply);
        verdict.Reason.Should().Be("Header X-Autoreply is present.");
    }

    [Fact]
    public void Screen_NewsletterWithListUnsubscribe_IsAMailingList()
    {
        var verdict = screen.Screen(Fixtures.Load("newsletter-bulk.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.MailingList);
        verdict.Reason.Should().Be("Header List-Unsubscribe is present: a mailing list or newsletter.");
    }

    [Fact]
    public void Screen_PrecedenceBulkAlone_IsScreenedOut()
    {
        var message = Fixtures.Load("newsletter-bulk.eml");
        message.Headers.Remove("List-Unsubscribe");
        message.Headers.Remove("List-Unsubscribe-Post");

        var verdict = screen.Screen(message);

        verdict.Outcome.Should().Be(ScreenOutcome.AutoReply);
        verdict.Reason.Should().Be("Header Precedence is 'bulk': sent by a program, not a person.");
    }

    [Fact]
    public void Screen_DeliveryStatusReport_IsABounceNamingTheFailedRecipientOnly()
    {
        var verdict = screen.Screen(Fixtures.Load("bounce-dsn.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.Bounce);
        verdict.Reason.Should().Be("Content-Type is multipart/report; report-type=delivery-status (a delivery status notification).");
        verdict.FailedRecipients.Should().Equal(["client.absent@client.example"], "slow@client.example was only delayed");
    }

    [Fact]
    public void Screen_ClassicBounceFromMailerDaemon_IsABounceNamingXFailedRecipients()
    {
        var message = Fixtures.Load("no-message-id.eml");
        message.From.Clear();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.exemple.fr"));
        message.Headers[HeaderId.ReturnPath] = "<>";
        message.Headers.Add("X-Failed-Recipients", "Gone@Client.example, other@client.example");

        var verdict = screen.Screen(message);

        verdict.Outcome.Should().Be(ScreenOutcome.Bounce);
        verdict.Reason.Should().Be("From is MAILER-DAEMON and Return-Path is empty (a bounce in the classic form).");
        verdict.FailedRecipients.Should().Equal("gone@client.example", "other@client.example");
    }

    [Fact]
    public void Screen_FromOurOwnAddressInAnyCase_IsOwnMail()
    {
        var verdict = screen.Screen(Fixtures.Load("own-address.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.OwnMail);
        verdict.Reason.Should().Be("The From address is one of 'Mail:Screening:OwnAddresses'.");
    }

    [Fact]
    public void Screen_AgentHeader_IsOwnMailWhateverTheSender()
    {
        var message = Fixtures.Load("plain-utf8.eml");
        message.Headers.Add(MessageScreen.AgentHeader, "notify");

        screen.Screen(message).Outcome.Should().Be(ScreenOutcome.OwnMail);
    }

    [Fact]
    public void Screen_OwnAddressesNotConfigured_OurAddressIsAPerson()
    {
        var unconfigured = new MessageScreen(Options.Create(new MailScreeningOptions()));

        unconfigured.Screen(Fixtures.Load("own-address.eml")).Outcome.Should().Be(ScreenOutcome.Accept);
    }

    [Fact]
    public void Screen_AutoSubmittedNo_IsAccepted_EvenWithAnOutOfOfficeLikeSubject()
    {
        var verdict = screen.Screen(Fixtures.Load("auto-submitted-no.eml"));

        verdict.Outcome.Should().Be(ScreenOutcome.Accept);
    }

    [Theory]
    [InlineData("No")]
    [InlineData("no (sent by a person)")]
    [InlineData(" no ; comment=x")]
    public void Screen_AutoSubmittedNoSpelledOtherwise_IsAccepted(string value)
    {
        var message = Fixtures.Load("auto-submitted-no.eml");
        message.Headers["Auto-Submitted"] = value;

        screen.Screen(message).Outcome.Should().Be(ScreenOutcome.Accept);
    }

    [Theory]
    [InlineData("auto-generated")]
    [InlineData("Auto-Replied (vacation)")]
    [InlineData("auto-notified; owner-email=\"x@y.example\"")]
    public void Screen_AutoSubmittedOtherThanNo_IsAnAutoReply(string value)
    {
        var message = Fixtures.Load("auto-submitted-no.eml");
        message.Headers["Auto-Submitted"] = value;

        screen.Screen(message).Outcome.Should().Be(ScreenOutcome.AutoReply);
    }

    [Fact]
    public void Screen_ReadReceipt_IsAnAutoReply()
    {
        var message = Fixtures.Load("plain-utf8.eml");
        var report = new MultipartReport("disposition-notification") { new TextPart("plain") { Text = "Votre message a été lu." } };
        message.Body = report;

        var verdict = screen.Screen(message);

        verdict.Outcome.Should().Be(ScreenOutcome.AutoReply);
        verdict.Reason.Should().Contain("read receipt");
    }
}
