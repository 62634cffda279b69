using Serverless.Mail.Parsing;

namespace Serverless.Mail.Tests.Parsing;

public sealed class EmailParserTextTests
{
    [Fact]
    public void Parse_ThunderbirdLatin1_DecodesQEncodedSubjectSenderAndBody()
    {
        var email = Fixtures.Parse("plain-latin1.eml");

        email.Subject.Should().Be("Facture erronée - réclamation");
        email.SenderName.Should().Be("Léa Bernard");
        email.SenderAddress.Should().Be("lea.bernard@exemple.fr");
        email.To.Should().Equal("support@exemple.fr");
        email.Cc.Should().Equal("compta@exemple.fr", "marc.dupont@exemple.fr");
        email.MessageId.Should().Be("5f3c2a1e-7b9d-4c1a-9e2f-0a1b2c3d4e5f@exemple.fr");
        email.Date.Should().Be(new DateTimeOffset(2026, 12, 1, 9, 14, 27, TimeSpan.FromHours(1)));
        email.Charsets.Should().Equal("iso-8859-1");
        email.Text.Should().StartWith("Bonjour,\n\nLa facture n° 2026-118 reçue hier")
            .And.Contain("Pourriez-vous la corriger ?")
            .And.EndWith("Léa Bernard\nService achats - Exemple SARL");
        email.HtmlText.Should().BeNull();
        email.Attachments.Should().BeEmpty();
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Parse_GmailUtf8_DecodesBEncodedSubjectAndJoinsSoftLineBreaks()
    {
        var email = Fixtures.Parse("plain-utf8.eml");

        email.Subject.Should().Be("Problème de connexion à mon espace client");
        email.SenderName.Should().Be("François Müller");
        email.MessageId.Should().Be("cah7x=qp0fr2stq9+wk@mail.gmail.com");
        email.Text.Should().Contain("je n’arrive plus à me connecter à mon espace client : le message « identifiant ou mot de passe incorrect » s’affiche.")
            .And.EndWith("Cordialement,\nFrançois");
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Parse_OutlookQuotedPrintableLatin1_DecodesSubjectAndBody()
    {
        var email = Fixtures.Parse("exchange-distribution-group.eml");

        email.Subject.Should().Be("Accès VPN refusé");
        email.To.Should().Equal("equipe-support@exemple.fr");
        email.Text.Should().Be("Bonjour,\n\nLe VPN refuse ma connexion depuis ce matin (erreur 809).\n\nSophie");
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Parse_EightBitBodyWithoutCharset_FallsBackToLatin1AndSaysSo()
    {
        var email = Fixtures.Parse("latin1-no-charset.eml");

        email.Text.Should().Be("Ma commande n'est pas arrivée, le colis était prévu jeudi.");
        email.Charsets.Should().BeEmpty();
        email.Problems.Should().Equal("A text part without a charset was not UTF-8; it was read as ISO-8859-1.");
    }

    [Fact]
    public void Parse_OutlookAlternative_TextIsThePlainPart_HtmlTextHasNoScriptStyleOrMarkup()
    {
        var email = Fixtures.Parse("alternative-html.eml");

        email.Subject.Should().Be("Demande de déblocage du compte");
        email.Text.Should().Be("Bonjour,\n\nMon compte est bloqué depuis la mise à jour. Voir la procédure : https://aide.exemple.fr/deblocage\n\nNadia");
        email.HtmlText.Should().NotBeNull();
        email.HtmlText.Should().NotContainAny("window.location", "document.cookie", "evil.example", "MsoNormal", "font-family",
            "Message interne", "track.mailer.example", "<", "&eacute;", "&nbsp;", "&amp;");
        email.HtmlText.Should().Be(
            "Bonjour,\n\n"
            + "Mon compte est bloqué depuis la mise à jour & je ne peux plus « valider » mes commandes.\n\n"
            + "Voir la procédure (https://aide.exemple.fr/deblocage) ou écrire à admin@client.example.\n\n"
            + "- Navigateur : Edge\n"
            + "- Erreur : E\u2011403\n\n"
            + "Nadia");
        email.Charsets.Should().Equal("iso-8859-1");
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Parse_HtmlOnlyWebForm_TextIsTheHtmlAsText()
    {
        var email = Fixtures.Parse("html-only.eml");

        email.SenderAddress.Should().Be("no-reply@www.exemple.fr");
        email.Text.Should().Be(
            "Nouveau message du formulaire\n\nNom Chloé Martin\n\nTéléphone 06 12 34 56 78\n\n"
            + "Le site affiche \"Erreur 500\" quand j’envoie le formulaire d’inscription.");
        email.HtmlText.Should().Be(email.Text);
        email.Text.Should().NotContain("color:#333").And.NotContain("JavaScript");
        email.Charsets.Should().Equal("windows-1252");
    }

    [Fact]
    public void Parse_BodyLongerThanTheLimit_IsCutAndSaysSo()
    {
        var email = Fixtures.Parse("plain-latin1.eml", new MailParsingOptions { MaxBodyChars = 20 });

        email.Text.Should().Be("Bonjour,\n\nLa facture");
        email.Problems.Should().Contain("The text was cut at 20 characters.");
    }

    [Fact]
    public void Parse_Utf8BodyWithoutCharsetCutInsideACharacter_StaysUtf8()
    {
        // A text budget of 10 characters reads 40 bytes, and the 40th is the first half of an "é".
        var email = Fixtures.Parse("utf8-no-charset.eml", new MailParsingOptions { MaxBodyChars = 5 });

        email.Text.Should().Be("Récla");
        email.Problems.Should().Equal(
            "A text part was longer than the reading limit and was cut.",
            "The text was cut at 5 characters.");
    }
}
