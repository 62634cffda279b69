using Serverless.Mail.Parsing;

namespace Serverless.Mail.Tests.Parsing;

public sealed class EmailParserAttachmentTests
{
    [Fact]
    public void Parse_Attachments_KeepsDocumentsAndRefusesExecutablesWithTheReason()
    {
        var email = Fixtures.Parse("attachments.eml");

        email.Text.Should().Be("Veuillez trouver ci-joint le relevé et la capture d'écran.");
        email.Attachments.Select(a => (a.FileName, a.ContentType, a.Size, a.Refused, a.RefusedReason, a.PartIndex)).Should().Equal(
            ("relevé.pdf", "application/pdf", 142L, false, null, 2),
            ("capture.png", "image/png", 69L, false, null, 3),
            ("facture.pdf.exe", "application/octet-stream", 64L, true, "Files of type .exe are refused, and this name hides it behind a second extension.", 4),
            ("setup.EXE", "application/x-msdownload", 32L, true, "Files of type .exe are refused.", 5),
            ("lire.js", "application/javascript", 24L, true, "Files of type .js are refused.", 6),
            // The right-to-left override that showed "facture\u202Efdp.exe" as "factureexe.pdf" is gone.
            ("facturefdp.exe", "application/octet-stream", 16L, true, "Files of type .exe are refused.", 7),
            ("rapport final.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 100L, false, null, 8),
            ("attachment-9.dll", "application/x-msdownload", 8L, true, "Files of type .dll are refused.", 9));
        email.Problems.Should().BeEmpty();
    }

    [Fact]
    public void OpenAttachment_AcceptedOne_GivesTheDecodedFile()
    {
        var message = Fixtures.Load("attachments.eml");
        var email = Fixtures.Parser().Parse(message);

        var pdf = Read(EmailParser.OpenAttachment(message, email.Attachments.Single(a => a.FileName == "relevé.pdf")));
        var png = Read(EmailParser.OpenAttachment(message, email.Attachments.Single(a => a.FileName == "capture.png")));

        pdf.Should().HaveCount(142);
        System.Text.Encoding.ASCII.GetString(pdf).Should().StartWith("%PDF-1.4").And.EndWith("%%EOF\n");
        png.Take(8).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    [Fact]
    public void OpenAttachment_RefusedOne_Throws()
    {
        var message = Fixtures.Load("attachments.eml");
        var exe = Fixtures.Parser().Parse(message).Attachments.Single(a => a.FileName == "facture.pdf.exe");

        var open = () => EmailParser.OpenAttachment(message, exe);

        open.Should().Throw<InvalidOperationException>().WithMessage("*facture.pdf.exe*refused*");
    }

    [Fact]
    public void OpenAttachment_OfAForwardedMessage_FindsThePartInsideIt()
    {
        var message = Fixtures.Load("forwarded.eml");
        var jpeg = Fixtures.Parser().Parse(message).Attachments.Should().ContainSingle().Subject;

        var bytes = Read(EmailParser.OpenAttachment(message, jpeg));

        jpeg.FileName.Should().Be("bon-de-livraison.jpg");
        bytes.Should().HaveCount(25);
        bytes.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
    }

    [Fact]
    public void Parse_AttachmentOverTheSizeLimit_IsRefused_TheSmallOneKept()
    {
        var email = Fixtures.Parse("oversize-attachment.eml", new MailParsingOptions { MaxAttachmentBytes = 2048 });

        var scan = email.Attachments.Single(a => a.FileName == "scan.jpg");
        scan.Refused.Should().BeTrue();
        scan.RefusedReason.Should().Be("It is larger than the 2,048 bytes allowed for one attachment.");
        scan.Size.Should().BeGreaterThanOrEqualTo(3000, "the size shown is at least what was decoded before the cap");
        email.Attachments.Single(a => a.FileName == "note.txt").Should().Be(new ParsedAttachment("note.txt", "text/plain", 14, false, null, 3));
        email.Text.Should().Be("Le scan du contrat est joint.");
    }

    [Fact]
    public void Parse_AttachmentUnderTheDefaultLimit_IsKeptWithItsExactSize()
    {
        var scan = Fixtures.Parse("oversize-attachment.eml").Attachments.Single(a => a.FileName == "scan.jpg");

        scan.Should().Be(new ParsedAttachment("scan.jpg", "image/jpeg", 3000, false, null, 2));
    }

    [Fact]
    public void Parse_AttachmentsPastTheTotalLimit_AreRefused()
    {
        var email = Fixtures.Parse("oversize-attachment.eml", new MailParsingOptions { MaxTotalAttachmentBytes = 3005 });

        email.Attachments.Select(a => (a.FileName, a.RefusedReason)).Should().Equal(
            ("scan.jpg", null),
            ("note.txt", "It would take the message's attachments past the 3,005 bytes allowed in all."));
    }

    [Fact]
    public void Parse_MoreAttachmentsThanAllowed_RefusesTheOnesAfter()
    {
        var email = Fixtures.Parse("attachments.eml", new MailParsingOptions { MaxAttachments = 2 });

        email.Attachments.Where(a => !a.Refused).Select(a => a.FileName).Should().Equal("relevé.pdf", "capture.png");
        email.Attachments.Single(a => a.FileName == "rapport final.docx").RefusedReason
            .Should().Be("The message has more than 2 attachments; the ones after that are refused.");
    }

    [Fact]
    public void Parse_RefusedExtensionsSetting_ReplacesTheDefaults()
    {
        var email = Fixtures.Parse("attachments.eml", new MailParsingOptions { RefusedExtensions = ["DOCX"] });

        email.Attachments.Where(a => a.Refused).Select(a => a.FileName).Should().Equal("rapport final.docx");
    }

    private static byte[] Read(Stream stream)
    {
        using (stream)
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
