namespace Serverless.Helpdesk.Replies;

/// <summary>Every variable the triage gives the templates (the v3 result's template_vars and the values the reply
/// and the notes need). The template check refuses a template that names anything else.</summary>
public static class TemplateVariables
{
    /// <summary>The fields of the seed's v3 template_vars, in its order.</summary>
    public static readonly IReadOnlyList<string> SeedV3 =
    [
        "state_id", "state_name", "primary_intent", "secondary_intents", "intents_handled", "date_case", "uber_case",
        "session_preference", "is_complaint", "is_cab_error", "can_modify_exam_date", "has_sessions_proposees",
        "report_possible", "report_bloque", "evalbox",
    ];

    /// <summary>The rest: the candidate, dates as the candidate reads them (dd/MM/yyyy), CAS 8's move, the proposed
    /// sessions and future dates (lists), the exam-portal file, the route and the exchanges summary of the notes,
    /// and handles (an object: intent label => true for each handled intent).</summary>
    public static readonly IReadOnlyList<string> Extra =
    [
        "prenom", "nom", "email", "ticket_number", "subject", "candidate_found", "date_case_label",
        "exam_date", "exam_date_cloture", "session_type", "session_date_debut", "session_date_fin",
        "deadline_passed_reschedule", "original_exam_date", "new_exam_date", "new_exam_date_cloture",
        "sessions_proposees", "dates_futures", "statut_dossier", "num_dossier", "documents_count",
        "route_department", "route_reason", "exchanges_summary", "uber_deals", "handles",
    ];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(SeedV3.Concat(Extra), StringComparer.Ordinal);

    /// <summary>Fields of each item of sessions_proposees and dates_futures, usable inside {{#each}}.</summary>
    public static readonly IReadOnlySet<string> ItemFields = new HashSet<string>(
        ["nom", "type", "debut", "fin", "id", "date", "cloture"], StringComparer.Ordinal);
}
