using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Intents;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Tests.Triage;

public sealed class IntentDetectorTests
{
    private readonly IntentDetector _detector = new(new HelpdeskRules(Options.Create(RepositoryFolders.Options())));

    [Fact]
    public void SessionChange_WithFutureDates_AndDayPreference()
    {
        var found = _detector.Detect("Changement de session", "Bonjour, je voudrais changer de session pour une session en journée. Quelles sont les prochaines dates d'examen ?");

        found.Primary.Should().Be("DEMANDE_CHANGEMENT_SESSION");
        found.Secondary.Should().Equal("DEMANDE_DATES_FUTURES");
        found.SessionPreference.Should().Be("jour");
        found.IsComplaint.Should().BeFalse();
    }

    [Fact]
    public void AccentsAndCase_DoNotMatter_AndComplaintIsFlagged()
    {
        var found = _detector.Detect("CONVOCATION", "je n'ai TOUJOURS PAS recu ma convocation, c'est INADMISSIBLE");

        found.Primary.Should().Be("DEMANDE_CONVOCATION");
        found.IsComplaint.Should().BeTrue();
    }

    [Fact]
    public void EveningPreference_AndClaimedSession()
    {
        var found = _detector.Detect("Inscription", "Je suis sur la session du 10/02 mais je préfère le soir, après le travail.");

        found.SessionPreference.Should().Be("soir");
        found.ClaimedSession.Should().Be("10/02");
    }

    [Fact]
    public void NothingRecognised_GivesTheFallback()
    {
        var found = _detector.Detect("Bonjour", "Merci beaucoup.");

        found.Primary.Should().Be("AUTRE");
        found.Secondary.Should().BeEmpty();
    }

    [Fact]
    public void WordsMatchWhole_NotInsideOtherWords()
    {
        // "paiement" is a phrase of PAIEMENT_FACTURE; "repaiements" must not count.
        _detector.Detect("x", "aucun repaiements").Primary.Should().Be("AUTRE");
    }
}
