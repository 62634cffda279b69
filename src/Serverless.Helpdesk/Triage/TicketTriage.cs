using System.Text.Json.Nodes;
using Serverless.Helpdesk.Rules;

namespace Serverless.Helpdesk.Triage;

/// <summary>
/// Applies the rules files to one ticket's facts; no I/O, no clock ("today" is a fact of the reading step). Order:
/// the date case (rules/helpdesk/date-cases.json, first match), the Uber case (deals of the candidate at the offer's
/// amount: two or more is a duplicate), the route (triage.json routes, first match), then the action (triage.json
/// actions, first match). CAS 8 (effect reschedule) moves the candidate to the next exam date whose registrations
/// are open and proposes its sessions for their preference; a stop (CAS 2, 7) writes nothing to the CRM.
/// </summary>
public sealed class TicketTriage(HelpdeskRules rules, HelpdeskCrmFields fields)
{
    public const string ReplyTemplate = "reply";
    public const string ClarificationTemplate = "clarification";
    public const string NoEmailNote = "notes/no-email";

    public TriageDecision Decide(TicketFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var today = facts.Today;
        var now = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var examDate = TicketFacts.Date(facts.Lookups, "date_examen");
        var closing = TicketFacts.Date(facts.Lookups, "date_cloture");
        var evalbox = TicketFacts.Text(facts.Crm, "evalbox");
        var dateFacts = new JsonObject
        {
            ["exam"] = new JsonObject
            {
                ["hasDate"] = examDate is not null,
                ["daysUntil"] = examDate is { } e ? e.DayNumber - today.DayNumber : null,
                ["closingDaysUntil"] = closing is { } c ? c.DayNumber - today.DayNumber : null,
            },
            ["evalbox"] = evalbox,
            ["stage"] = TicketFacts.Text(facts.Crm, "stage"),
            ["deal"] = new JsonObject { ["found"] = facts.DealFound },
        };
        var dateCase = facts.DealFound ? rules.DateCases.Match(dateFacts, now) : null;
        var effect = dateCase?.Effect ?? DateCaseEffects.None;
        var uberDeals = facts.Deal["uberDeals"]?.GetValue<int>() ?? 0;
        var uberCase = uberDeals >= 2 ? "DUPLICATE" : uberDeals == 1 ? "ELIGIBLE" : "NOT_APPLICABLE";
        var intentFacts = new JsonObject
        {
            ["primary"] = facts.PrimaryIntent,
            ["secondary"] = new JsonArray(facts.SecondaryIntents.Select(s => (JsonNode?)s).ToArray()),
            ["isComplaint"] = facts.Intents["isComplaint"]?.GetValue<bool>() ?? false,
        };
        var routeFacts = new JsonObject
        {
            ["intents"] = intentFacts.DeepClone(),
            ["evalbox"] = evalbox,
            ["deal"] = new JsonObject { ["found"] = facts.DealFound },
        };
        var route = rules.Triage.MatchRoute(routeFacts, now);
        var actionFacts = new JsonObject
        {
            ["route"] = new JsonObject { ["matched"] = route is not null },
            ["deal"] = new JsonObject { ["found"] = facts.DealFound },
            ["uber"] = new JsonObject { ["case"] = uberCase },
            ["dateCase"] = new JsonObject { ["case"] = dateCase?.Case ?? 0, ["effect"] = effect },
            ["intents"] = intentFacts.DeepClone(),
        };
        var action = rules.Triage.MatchAction(actionFacts, now) ?? TriageActions.Go;

        var vars = Variables(facts, dateCase, uberCase, uberDeals, evalbox, examDate, closing);
        var crmUpdates = new JsonObject();
        if (action == TriageActions.Go)
        {
            Plan(facts, effect, today, examDate, vars, crmUpdates);
        }

        vars["route_department"] = route?.Department;
        vars["route_reason"] = route?.Reason;
        var (stage, reply, note) = action switch
        {
            TriageActions.Go => ("COMPLETED", ReplyTemplate, (string?)null),
            TriageActions.NeedsClarification => ("COMPLETED", ClarificationTemplate, null),
            TriageActions.Route => ("ROUTED", null, "notes/route"),
            TriageActions.DuplicateUber => ("DUPLICATE", null, "notes/duplicate-uber"),
            _ => ("STOPPED_EXAM_DATE_PASSED", null, "notes/exam-date-passed"),
        };
        if (reply is not null && string.IsNullOrWhiteSpace(TicketFacts.Text(facts.Read["ticket"] as JsonObject, "email")))
        {
            // No address to answer (a phone or chat ticket): a note asks an agent to reply, nothing is drafted.
            (reply, note) = (null, NoEmailNote);
            crmUpdates.Clear();
        }

        return new TriageDecision(action, stage, dateCase?.Case ?? 0, dateCase?.Label ?? "", effect, vars, reply, note, crmUpdates,
            action == TriageActions.Route ? route?.Department : null, action == TriageActions.Route ? route?.Reason : null);
    }

    private JsonObject Variables(TicketFacts facts, DateCase? dateCase, string uberCase, int uberDeals, string? evalbox, DateOnly? examDate, DateOnly? closing)
    {
        var state = rules.Triage.StateOf(evalbox);
        var handled = new[] { facts.PrimaryIntent }.Concat(facts.SecondaryIntents).Where(rules.Intents.IsHandled).Distinct().ToList();
        var caseVars = dateCase?.Vars ?? [];
        var ticket = facts.Read["ticket"] as JsonObject;
        var contact = TicketFacts.Text(ticket, "contactName") ?? "";
        var vars = new JsonObject
        {
            ["state_id"] = state.StateId,
            ["state_name"] = state.StateName,
            ["primary_intent"] = facts.PrimaryIntent,
            ["secondary_intents"] = new JsonArray(facts.SecondaryIntents.Select(s => (JsonNode?)s).ToArray()),
            ["intents_handled"] = new JsonArray(handled.Select(s => (JsonNode?)s).ToArray()),
            ["date_case"] = dateCase?.Case ?? 0,
            ["uber_case"] = uberCase,
            ["session_preference"] = TicketFacts.Text(facts.Intents, "sessionPreference"),
            ["is_complaint"] = facts.Intents["isComplaint"]?.GetValue<bool>() ?? false,
            ["is_cab_error"] = facts.PrimaryIntent == "ERREUR_CAB" || facts.SecondaryIntents.Contains("ERREUR_CAB"),
            ["can_modify_exam_date"] = Flag(caseVars, "can_modify_exam_date"),
            ["has_sessions_proposees"] = false,
            ["report_possible"] = Flag(caseVars, "report_possible"),
            ["report_bloque"] = Flag(caseVars, "report_bloque"),
            ["evalbox"] = evalbox,
            ["prenom"] = FirstName(TicketFacts.Text(facts.Crm, "deal_name"), contact),
            ["nom"] = contact,
            ["email"] = TicketFacts.Text(ticket, "email"),
            ["ticket_number"] = TicketFacts.Text(ticket, "ticketNumber"),
            ["subject"] = TicketFacts.Text(ticket, "subject"),
            ["candidate_found"] = facts.DealFound,
            ["date_case_label"] = dateCase?.Label,
            ["exam_date"] = TicketFacts.Display(examDate),
            ["exam_date_cloture"] = TicketFacts.Display(closing),
            ["session_type"] = TicketFacts.Text(facts.Lookups, "session_type"),
            ["session_date_debut"] = TicketFacts.Display(TicketFacts.Date(facts.Lookups, "session_date_debut")),
            ["session_date_fin"] = TicketFacts.Display(TicketFacts.Date(facts.Lookups, "session_date_fin")),
            ["deadline_passed_reschedule"] = false,
            ["original_exam_date"] = null,
            ["new_exam_date"] = null,
            ["new_exam_date_cloture"] = null,
            ["sessions_proposees"] = new JsonArray(),
            ["dates_futures"] = new JsonArray(facts.ExamDates.OfType<JsonObject>().Where(d => TicketFacts.Date(d, "closing") >= facts.Today).Take(3).Select(d => (JsonNode?)new JsonObject
            {
                ["id"] = TicketFacts.Text(d, "id"),
                ["date"] = TicketFacts.Display(TicketFacts.Date(d, "date")),
                ["cloture"] = TicketFacts.Display(TicketFacts.Date(d, "closing")),
            }).ToArray()),
            ["statut_dossier"] = TicketFacts.Text(facts.Exam, "statut_dossier"),
            ["num_dossier"] = TicketFacts.Text(facts.Exam, "num_dossier"),
            ["documents_count"] = facts.Exam["documents_count"]?.GetValue<int>() ?? 0,
            ["exchanges_summary"] = TicketFacts.Text(facts.Read, "exchangesSummary"),
            ["uber_deals"] = uberDeals,
            ["handles"] = new JsonObject(handled.Select(h => KeyValuePair.Create(h, (JsonNode?)true))),
        };
        return vars;
    }

    /// <summary>What a GO writes: CAS 8 moves the exam date (the session waits for the candidate's confirmation);
    /// a session request with a preference books the first matching session before the current exam date.</summary>
    private void Plan(TicketFacts facts, string effect, DateOnly today, DateOnly? examDate, JsonObject vars, JsonObject crmUpdates)
    {
        var preference = TicketFacts.Text(facts.Intents, "sessionPreference");
        var dates = facts.ExamDates.OfType<JsonObject>().ToList();
        if (effect == DateCaseEffects.Reschedule)
        {
            var next = dates.FirstOrDefault(d => TicketFacts.Date(d, "date") > examDate && TicketFacts.Date(d, "closing") >= today);
            if (next is null)
            {
                return;
            }

            var sessions = Sessions(next, preference);
            vars["deadline_passed_reschedule"] = true;
            vars["original_exam_date"] = TicketFacts.Display(examDate);
            vars["new_exam_date"] = TicketFacts.Display(TicketFacts.Date(next, "date"));
            vars["new_exam_date_cloture"] = TicketFacts.Display(TicketFacts.Date(next, "closing"));
            vars["sessions_proposees"] = sessions;
            vars["has_sessions_proposees"] = sessions.Count > 0;
            crmUpdates[fields.ExamDate] = TicketFacts.Text(next, "id");
            return;
        }

        var current = dates.FirstOrDefault(d => TicketFacts.Text(d, "id") == TicketFacts.Text(facts.Lookups, "exam_date_id"));
        var wantsSession = facts.PrimaryIntent is "DEMANDE_CHANGEMENT_SESSION" or "CONFIRMATION_SESSION";
        if (current is null || !wantsSession || preference is null || !(vars["can_modify_exam_date"]?.GetValue<bool>() ?? false))
        {
            return;
        }

        var proposed = Sessions(current, preference);
        vars["sessions_proposees"] = proposed;
        vars["has_sessions_proposees"] = proposed.Count > 0;
        if (proposed.FirstOrDefault() is JsonObject first)
        {
            crmUpdates[fields.Session] = TicketFacts.Text(first, "id");
            crmUpdates[fields.ExamDate] = TicketFacts.Text(current, "id");
        }
    }

    private static JsonArray Sessions(JsonObject examDate, string? preference) =>
        new((examDate["sessions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(s => preference is null || string.Equals(TicketFacts.Text(s, "type"), preference, StringComparison.OrdinalIgnoreCase))
            .Select(s => (JsonNode?)new JsonObject
            {
                ["id"] = TicketFacts.Text(s, "id"),
                ["nom"] = TicketFacts.Text(s, "name"),
                ["type"] = TicketFacts.Text(s, "type"),
                ["debut"] = TicketFacts.Display(TicketFacts.Date(s, "start")),
                ["fin"] = TicketFacts.Display(TicketFacts.Date(s, "end")),
            })
            .ToArray());

    private static bool Flag(JsonObject vars, string name) => vars[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>"BFS NP John DOE" (the school's deal names: offer codes, then first name, then LAST NAME) gives "John";
    /// else the contact's first word.</summary>
    private static string FirstName(string? dealName, string contact)
    {
        var words = (dealName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.FirstOrDefault(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower));
        return first ?? contact.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
    }
}
