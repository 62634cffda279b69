namespace Serverless.Helpdesk;

/// <summary>Settings of the helpdesk batch, bound from "Helpdesk". The seed's hard-coded values are the defaults.</summary>
public sealed class HelpdeskOptions
{
    public const string SectionName = "Helpdesk";

    /// <summary>The seed's DOC department (doc_dept_id): where the pending list is read from.</summary>
    public string DepartmentId { get; set; } = "198709000025523146";

    /// <summary>Ticket status the refresh lists (the seed: Open).</summary>
    public string Status { get; set; } = "Open";

    /// <summary>Page size of the refresh (Zoho Desk's maximum, the seed's 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Address the reply drafts are written from (must be a Zoho Desk support address of the department).</summary>
    public string FromEmailAddress { get; set; } = "doc@example.com";

    /// <summary>Folder of the rules files (date-cases.json, triage.json, intents.json).</summary>
    public string RulesFolder { get; set; } = "rules/helpdesk";

    /// <summary>Folder of the reply templates (reply.hbs and partials/**.hbs).</summary>
    public string TemplatesFolder { get; set; } = "templates/helpdesk";

    /// <summary>Time zone "today" is taken in for the date rules.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Fills the sandbox Zoho Desk / CRM and exam portal with a demo backlog (on in the embedded host).</summary>
    public bool DemoData { get; set; }

    /// <summary>Zoho Desk department ids of the routes' department names in rules/helpdesk/triage.json
    /// (Helpdesk:Departments:refus-cma = 1987...). Required for every route when Zoho is configured; in the sandbox an
    /// unmapped name is recorded as it is.</summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Optional LLM asked for the primary intent inside the label set ("Helpdesk:Llm"; Provider none by
    /// default). Its failures and answers below MinConfidence leave the built-in detector's answer.</summary>
    public Serverless.Connectors.Llm.LlmClassifierOptions Llm { get; set; } = new();

    /// <summary>Zoho CRM module and field API names the batch reads and writes.</summary>
    public HelpdeskCrmFields Crm { get; set; } = new();

    /// <summary>Optional schedule of unattended production batches (off while Cron is empty).</summary>
    public HelpdeskScheduleOptions Schedule { get; set; } = new();
}

/// <summary>Zoho CRM API names (module and fields) of the school's CRM, as the seed's result shows them.</summary>
public sealed class HelpdeskCrmFields
{
    public string DealsModule { get; set; } = "Deals";
    public string ExamDatesModule { get; set; } = "Dates_Examens_VTC_TAXI";
    public string SessionsModule { get; set; } = "Sessions";

    public string Email { get; set; } = "Email";
    public string DealName { get; set; } = "Deal_Name";
    public string Stage { get; set; } = "Stage";
    public string Amount { get; set; } = "Amount";
    public string Evalbox { get; set; } = "Evalbox";
    public string ExamDate { get; set; } = "Date_examen_VTC";
    public string Session { get; set; } = "Session1";

    /// <summary>Fields of an exam-date record: the exam day, the closing day of registrations, the department.</summary>
    public string ExamDay { get; set; } = "Date_Examen";
    public string ClosingDay { get; set; } = "Date_Cloture_Inscription";
    public string ExamDepartment { get; set; } = "Departement";

    /// <summary>Fields of a session record: jour / soir, first and last day.</summary>
    public string SessionType { get; set; } = "Type_de_cours";
    public string SessionStart { get; set; } = "Date_debut";
    public string SessionEnd { get; set; } = "Date_fin";
}

public sealed class HelpdeskScheduleOptions
{
    /// <summary>Cron of the scheduled batch (five fields, or six with seconds); empty: no scheduled batch.</summary>
    public string? Cron { get; set; }

    public string TimeZone { get; set; } = "Europe/Paris";

    public int Count { get; set; } = 10;

    public double DelaySeconds { get; set; } = 2.0;
}
