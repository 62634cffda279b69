using Serverless.Mail.Parsing;

namespace Serverless.Mail.Tests.Parsing;

public sealed class EmailParserStructureTests
{
    [Fact]
    public void Parse_ForwardedAsAttachment_AppendsTheForwardedMessageWithItsHeaders()
    {
        var email = Fixtures.Parse("forwarded.eml");

        email.Subject.Should().Be("TR: Livraison incomplete");
        email.Text.Should().Be(
            "Je vous transfère la réclamation du client ci-dessous.\n\n"
            + EmailParser.ForwardedSeparator + "\n"
            + "From: \"Marc Petit\" <marc.petit@client.example>\n"
            + "Date: Wed, 02 Dec 2026 17:45:00 +0100\n"
            + "Subject: Livraison incomplete\n"
            + "To: julie.roux@exemple.fr\n\n"
            + "Il manque deux cartons à la livraison de ce matin.");
        email.Charsets.Should().Equal("utf-8", "iso-8859-1");
        email.Attachments.Select(a => a.FileName).Should().Equal("bon-de-livraison.jpg");
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Parse_ForwardsFiveDeep_ReadsThreeLevelsAndSaysTheRestWasLeft()
    {
        var email = Fixtures.Parse("forwarded-five-deep.eml");

        email.Text.Should().Contain("texte du niveau 0").And.Contain("texte du niveau 3").And.NotContain("niveau 4");
        email.Text.Split(EmailParser.ForwardedSeparator).Should().HaveCount(4);
        email.Problems.Should().Equal("Messages attached more than 3 levels deep were not read.");
    }

    [Fact]
    public void Parse_ReplyHeaders_AreNormalisedInHeaderOrder()
    {
        var email = Fixtures.Parse("reply-ticket.eml");

        email.MessageId.Should().Be("reply-9001@client.example");
        email.InReplyTo.Should().Be("tkt-2026-000123.notify@exemple.fr");
        email.References.Should().Equal("orig-0001@client.example", "tkt-2026-000123.notify@exemple.fr");
        email.Subject.Should().Be("RE: Re: [TKT-2026-000123] Imprimante en panne");
        email.Text.Should().StartWith("Toujours en panne ce matin.\n\nLe 02/12/2026 à 18:00, support@exemple.fr a écrit :\n> Votre demande");
    }

    [Fact]
    public void Parse_NoMessageId_IsNullWithAProblem()
    {
        var email = Fixtures.Parse("no-message-id.eml");

        email.MessageId.Should().BeNull();
        email.Problems.Should().Equal("The message has no Message-ID header.");
        email.Text.Should().Be("Document numerise le 03/12/2026 a 07:30.");
    }

    [Fact]
    public void Parse_HundredNestedMultiparts_StopsAtTheDepthLimitWithoutThrowing()
    {
        var email = Fixtures.Parse("deeply-nested.eml");

        email.Subject.Should().Be("nested");
        email.Text.Should().BeEmpty("the only text sits 100 levels down, past the 32 that are walked");
        email.Problems.Should().Equal("Parts nested more than 32 levels deep were not read.");
    }

    [Fact]
    public void Parse_MalformedMessage_ReadsWhatItCanAndListsTheRestAsProblems()
    {
        var email = Fixtures.Parse("malformed.eml");

        email.MessageId.Should().BeNull();
        email.SenderAddress.Should().BeEmpty();
        email.Date.Should().BeNull();
        email.Subject.Should().Be("Café ok");
        email.To.Should().Equal("support@exemple.fr");
        email.Text.Should().StartWith("Le café est froid");
        email.Charsets.Should().Equal("x-klingon-42");
        email.Attachments.Select(a => (a.FileName, a.Refused)).Should().Equal(("doc.pdf", false));
        email.Problems.Should().Equal(
            "The Message-ID header holds no usable id.",
            "No sender address could be read from From, Sender or Reply-To.",
            "The Date header could not be read as a date.",
            "The charset 'x-klingon-42' of a text part is unknown; it was read as UTF-8, or as ISO-8859-1 where that failed.");
    }

    [Fact]
    public void Parse_MorePartsThanAllowed_StopsWalkingAndSaysSo()
    {
        var email = Fixtures.Parse("attachments.eml", new MailParsingOptions { MaxParts = 4 });

        email.Attachments.Select(a => a.FileName).Should().Equal("relevé.pdf", "capture.png");
        email.Problems.Should().Equal("The message has more than 4 parts; the rest were not read.");
    }

    [Fact]
    public void Load_StreamThatIsNoMessage_ThrowsUnreadable()
    {
        using var empty = new MemoryStream([]);

        var load = () => EmailParser.Load(empty);

        load.Should().Throw<UnreadableMessageException>();
    }
}
