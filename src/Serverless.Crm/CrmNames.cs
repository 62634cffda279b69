namespace Serverless.Crm;

/// <summary>The names the CRM workflow engine is found by: change-event channels, activities, compiled ids.</summary>
public static class CrmNames
{
    /// <summary>Prefix of every compiled workflow id: crm.workflow.{id}.</summary>
    public const string WorkflowIdPrefix = "crm.workflow.";

    /// <summary>Prefix of the webhook route of a compiled webhook trigger: crm/{workflow id}.</summary>
    public const string WebhookRoutePrefix = "crm/";

    /// <summary>Default time zone of scheduled workflows (the seed's Celery Beat ran in Paris time).</summary>
    public const string DefaultTimeZone = "Europe/Paris";

    /// <summary>The activity a seed action runs: crm.{action type}, e.g. crm.send_email.</summary>
    public static string Activity(string actionType) => $"crm.{actionType}";

    /// <summary>Every activity a compiled CRM workflow may run (the loader checks compiled definitions against it).</summary>
    public static IReadOnlySet<string> Activities { get; } =
        new HashSet<string>(Workflows.CrmActionTypes.All.Select(Activity), StringComparer.Ordinal);

    /// <summary>Channels of the CRM change events the built-in CRM (and the HubSpot bridge) publish.</summary>
    public static class Channels
    {
        public const string OrganisationCreated = "crm.organisation.created";
        public const string OrganisationUpdated = "crm.organisation.updated";
        public const string DealCreated = "crm.deal.created";
        public const string DealUpdated = "crm.deal.updated";
        public const string DealStageChanged = "crm.deal.stage_changed";

        /// <summary>Published by the daily inactivity check (02:00) once per inactive entity.</summary>
        public const string EntityInactive = "crm.entity.inactive";
    }
}
