using Serverless.Mail.Tests.Parsing;
using Serverless.Mail.Threading;

namespace Serverless.Mail.Tests.Threading;

public sealed class ThreadKeysTests
{
    [Fact]
    public void ReplyToANotification_GivesTheTicketNumberAndTheIdsNewestFirst()
    {
        var email = Fixtures.Parse("reply-ticket.eml");

        ThreadKeys.TicketNumberInSubject(email.Subject).Should().Be("TKT-2026-000123");
        ThreadKeys.CandidateMessageIds(email).Should().Equal("tkt-2026-000123.notify@exemple.fr", "orig-0001@client.example");
        ThreadKeys.NormalizeSubject(email.Subject).Should().Be("[TKT-2026-000123] Imprimante en panne");
    }

    [Fact]
    public void NewMessage_HasNoKeys()
    {
        var email = Fixtures.Parse("plain-utf8.eml");

        ThreadKeys.TicketNumberInSubject(email.Subject).Should().BeNull();
        ThreadKeys.CandidateMessageIds(email).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Re: [TKT-2026-000123] Imprimante", "TKT-2026-000123")]
    [InlineData("tr : tkt-2026-000123 relance", "TKT-2026-000123")]
    [InlineData("Suivi (TKT-2026-000123)", "TKT-2026-000123")]
    [InlineData("[TKT-2026-0001234] Imprimante", null)]
    [InlineData("XTKT-2026-000123", null)]
    [InlineData("TKT-26-000123", null)]
    [InlineData("", null)]
    public void TicketNumberInSubject_FindsOnlyAWholeNumber(string subject, string? expected)
    {
        ThreadKeys.TicketNumberInSubject(subject).Should().Be(expected);
    }

    [Theory]
    [InlineData("RE: Re: Fwd: Imprimante", "Imprimante")]
    [InlineData("TR : Réf: AW: WG: Commande", "Commande")]
    [InlineData("Re[2]:  SV: VS:\tAntw: Facture   mars", "Facture mars")]
    [InlineData("Regarding: facture", "Regarding: facture")]
    [InlineData("Re: ", "")]
    public void NormalizeSubject_StripsReplyAndForwardPrefixes(string subject, string expected)
    {
        ThreadKeys.NormalizeSubject(subject).Should().Be(expected);
    }
}
