using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Helpdesk.Rules;
using Serverless.Helpdesk.Triage;

namespace Serverless.Helpdesk.Tests.Triage;

public sealed class TicketTriageTests
{
    private const string Today = "2026-02-03";
    private readonly TicketTriage _triage = new(new HelpdeskRules(Options.Create(RepositoryFolders.Options())), new HelpdeskCrmFields());

    [Fact]
    public void Cas8_ClosingPassedExamAhead_MovesToNextOpenDate_AndProposesSessionsOfThePreference()
    {
        var decision = _triage.Decide(Facts(examDate: "2026-02-24", closing: "2026-02-01", evalbox: "Documents manquants", preference: "soir"));

        decision.Action.Should().Be(TriageActions.Go);
        decision.DateCase.Should().Be(8);
        decision.Effect.Should().Be(DateCaseEffects.Reschedule);
        decision.TemplateVars["deadline_passed_reschedule"]!.GetValue<bool>().Should().BeTrue();
        decision.TemplateVars["original_exam_date"]!.GetValue<string>().Should().Be("24/02/2026");
        decision.TemplateVars["new_exam_date"]!.GetValue<string>().Should().Be("31/03/2026");
        decision.TemplateVars["new_exam_date_cloture"]!.GetValue<string>().Should().Be("10/03/2026");
        decision.TemplateVars["sessions_proposees"]!.AsArray().Select(s => s!["nom"]!.GetValue<string>()).Should().Equal("Soir mars");
        decision.CrmUpdates.ToJsonString().Should().Be("""{"Date_examen_VTC":"exam-0331"}""");
    }

    [Theory]
    [InlineData("VALIDE CMA")]
    [InlineData("Convoc CMA reçue")]
    [InlineData("Refusé CMA")]
    public void Cas8_NotForBlockedEvalbox(string evalbox)
    {
        var decision = _triage.Decide(Facts(examDate: "2026-02-24", closing: "2026-02-01", evalbox: evalbox, preference: "soir"));

        decision.DateCase.Should().NotBe(8);
        decision.TemplateVars["deadline_passed_reschedule"]!.GetValue<bool>().Should().BeFalse();
        decision.CrmUpdates.Should().NotContainKey("Date_examen_VTC");
    }

    [Theory]
    [InlineData("Dossier créé", 2)]
    [InlineData("Convoc CMA reçue", 7)]
    public void ExamPassed_Stops_WithNoCrmUpdate_AndTheNoteTemplate(string evalbox, int expectedCase)
    {
        var decision = _triage.Decide(Facts(examDate: "2026-01-20", closing: "2025-12-30", evalbox: evalbox, preference: null));

        decision.Action.Should().Be(TriageActions.StoppedExamDatePassed);
        decision.Stage.Should().Be("STOPPED_EXAM_DATE_PASSED");
        decision.DateCase.Should().Be(expectedCase);
        decision.CrmUpdates.Should().BeEmpty();
        decision.ReplyTemplate.Should().BeNull();
        decision.NoteTemplate.Should().Be("notes/exam-date-passed");
    }

    [Fact]
    public void RefusalIsRouted_WithTheReason()
    {
        var decision = _triage.Decide(Facts(examDate: "2026-03-31", closing: "2026-03-10", evalbox: "Refusé CMA", preference: null));

        decision.Action.Should().Be(TriageActions.Route);
        decision.RouteDepartment.Should().Be("refus-cma");
        decision.RouteReason.Should().StartWith("Refus CMA");
    }

    [Fact]
    public void TwoUberDeals_AreADuplicate()
    {
        var decision = _triage.Decide(Facts(examDate: "2026-03-31", closing: "2026-03-10", evalbox: "Dossier Synchronisé", preference: null, uberDeals: 2));

        decision.Action.Should().Be(TriageActions.DuplicateUber);
        decision.TemplateVars["uber_case"]!.GetValue<string>().Should().Be("DUPLICATE");
    }

    [Fact]
    public void NoEmailOnTheTicket_LeavesANoteInsteadOfADraft_AndNoCrmUpdate()
    {
        var facts = Facts(examDate: "2026-03-31", closing: "2026-03-10", evalbox: "Dossier Synchronisé", preference: "jour", currentIsFirst: true);
        facts.Read["ticket"]!["email"] = null;

        var decision = _triage.Decide(facts);

        decision.Write.Should().Be("note");
        decision.ReplyTemplate.Should().BeNull();
        decision.NoteTemplate.Should().Be(TicketTriage.NoEmailNote);
        decision.CrmUpdates.Should().BeEmpty();
    }

    [Fact]
    public void NoDeal_NeedsClarification_WithTheClarificationTemplate()
    {
        var facts = Facts(examDate: null, closing: null, evalbox: null, preference: null);
        facts.Deal["found"] = false;

        var decision = _triage.Decide(facts);

        decision.Action.Should().Be(TriageActions.NeedsClarification);
        decision.ReplyTemplate.Should().Be(TicketTriage.ClarificationTemplate);
        decision.DateCase.Should().Be(0);
    }

    [Fact]
    public void SessionChangeOnASynchronisedFile_BooksTheFirstSessionOfThePreference_Cas5()
    {
        var decision = _triage.Decide(Facts(examDate: "2026-03-31", closing: "2026-03-10", evalbox: "Dossier Synchronisé", preference: "jour", currentIsFirst: true));

        decision.DateCase.Should().Be(5);
        decision.TemplateVars["state_id"]!.GetValue<string>().Should().Be("DOSSIER_SYNCHRONIZED");
        decision.TemplateVars["state_name"]!.GetValue<string>().Should().Be("D-5");
        decision.TemplateVars["intents_handled"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal("DEMANDE_CHANGEMENT_SESSION");
        decision.CrmUpdates.ToJsonString().Should().Be("""{"Session1":"s-jour-mars","Date_examen_VTC":"exam-0331"}""");
    }

    private static TicketFacts Facts(string? examDate, string? closing, string? evalbox, string? preference, int uberDeals = 1, bool currentIsFirst = false)
    {
        var current = currentIsFirst ? "exam-0331" : "exam-0224";
        var read = new JsonObject
        {
            ["today"] = Today,
            ["ticket"] = new JsonObject { ["id"] = "1", ["ticketNumber"] = "12345", ["subject"] = "Changement de session", ["email"] = "john@example.com", ["contactName"] = "John Doe" },
            ["exchangesSummary"] = "",
        };
        var deal = new JsonObject
        {
            ["found"] = true,
            ["dealId"] = "deal-1",
            ["uberDeals"] = uberDeals,
            ["crm"] = new JsonObject { ["deal_name"] = "BFS NP John DOE", ["stage"] = "GAGNÉ", ["evalbox"] = evalbox, ["email"] = "john@example.com" },
            ["lookups"] = new JsonObject { ["date_examen"] = examDate, ["date_cloture"] = closing, ["exam_date_id"] = current },
            ["examDates"] = new JsonArray(
                ExamDate("exam-0224", "2026-02-24", "2026-02-01", []),
                ExamDate("exam-0331", "2026-03-31", "2026-03-10",
                [
                    Session("s-jour-mars", "Jour mars", "jour"),
                    Session("s-soir-mars", "Soir mars", "soir"),
                ])),
        };
        var intents = new JsonObject
        {
            ["primary"] = "DEMANDE_CHANGEMENT_SESSION",
            ["secondary"] = new JsonArray("DEMANDE_DATES_FUTURES"),
            ["sessionPreference"] = preference,
            ["isComplaint"] = false,
        };
        return new TicketFacts(read, deal, new JsonObject { ["statut_dossier"] = "Dossier synchronisé", ["documents_count"] = 5 }, intents);
    }

    private static JsonObject ExamDate(string id, string date, string closing, JsonObject[] sessions) => new()
    {
        ["id"] = id,
        ["date"] = date,
        ["closing"] = closing,
        ["sessions"] = new JsonArray(sessions.Select(s => (JsonNode?)s).ToArray()),
    };

    private static JsonObject Session(string id, string name, string type) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["type"] = type,
        ["start"] = "2026-03-02",
        ["end"] = "2026-03-13",
    };
}
