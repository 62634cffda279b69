using System.Text.Json.Nodes;
using Serverless.Approvals.Notify;

namespace Serverless.Approvals.Tests.Notify;

public class ApprovalEmailsTests
{
    private static readonly (string, string)[] Links =
    [
        ("approved", "https://x.example/api/approvals/a1.A.a"),
        ("rejected", "https://x.example/api/approvals/a1.R.r"),
        ("changes_requested", "https://x.example/api/approvals/a1.C.c"),
    ];

    private static ApprovalRequest Request(int reminder = 0) => new("i-1", "mkt-104", "review", "approval:review", "editors",
        ["ed@example.com"], ["email"], "Publier <Post>", "Corps & texte",
        new JsonObject { ["titre"] = "Offre <BIM>", ["plateforme"] = "linkedin" }, reminder, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Build_French_HasEncodedPreviewTheThreeLinksAndATextPart()
    {
        var message = ApprovalEmails.Build(Request(), "ed@example.com", ApprovalTexts.For("fr"), Links);

        message.To.Should().Equal("ed@example.com");
        message.Subject.Should().Be("Publier <Post>");
        message.HtmlBody.Should().Contain("<html lang=\"fr\">").And.Contain("Publier &lt;Post&gt;").And.Contain("Offre &lt;BIM&gt;")
            .And.Contain("Approuver").And.Contain("Rejeter").And.Contain("Demander des modifications")
            .And.Contain("href=\"https://x.example/api/approvals/a1.A.a\"").And.Contain("Échéance");
        message.TextBody.Should().Contain("Approuver : https://x.example/api/approvals/a1.A.a")
            .And.Contain("Rejeter : https://x.example/api/approvals/a1.R.r").And.Contain("titre: Offre <BIM>");
    }

    [Fact]
    public void Build_Reminder_SaysRappelNInSubjectAndBody()
    {
        var message = ApprovalEmails.Build(Request(reminder: 2), "ed@example.com", ApprovalTexts.For("fr"), Links);

        message.Subject.Should().Be("Rappel 2 : Publier <Post>");
        message.HtmlBody.Should().Contain("Rappel 2");
        message.TextBody.Should().StartWith("[Rappel 2] ");
    }

    [Fact]
    public void Build_English_UsesTheEnglishTemplate()
    {
        var message = ApprovalEmails.Build(Request(reminder: 1), "ed@example.com", ApprovalTexts.For("en"), Links);

        message.Subject.Should().Be("Reminder 1 : Publier <Post>");
        message.HtmlBody.Should().Contain("<html lang=\"en\">").And.Contain("Request changes").And.NotContain("Approuver");
        message.TextBody.Should().Contain("Approve: https://x.example/api/approvals/a1.A.a");
    }
}
