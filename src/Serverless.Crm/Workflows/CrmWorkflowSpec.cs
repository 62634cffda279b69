using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows;

/// <summary>A workflow as a CRM user writes it (seed 002's POST /api/v1/workflows body), after validation.
/// <see cref="TriggerConfig"/> and every action's config stay the JSON the user wrote, so they are stored
/// and returned unchanged.</summary>
public sealed record CrmWorkflowSpec
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>One of <see cref="CrmTriggerTypes.All"/>, lower case.</summary>
    public required string TriggerType { get; init; }

    public JsonObject? TriggerConfig { get; init; }

    /// <summary>Null when the workflow has no conditions (it always runs its actions).</summary>
    public CrmConditionGroup? Conditions { get; init; }

    public IReadOnlyList<CrmAction> Actions { get; init; } = [];

    /// <summary>One of <see cref="CrmWorkflowStatuses.All"/>, upper case; DRAFT when absent.</summary>
    public string Status { get; init; } = CrmWorkflowStatuses.Draft;

    public bool IsTemplate { get; init; }
}

/// <summary>The seed's condition shape: <c>{"operator": "AND" | "OR", "rules": [...]}</c>; a rule is a
/// <see cref="CrmConditionRule"/> or, nested, another group.</summary>
public sealed record CrmConditionGroup(string Operator, IReadOnlyList<CrmCondition> Rules) : CrmCondition;

/// <summary><c>{"field": "organisation.pipeline_stage", "operator": "in", "value": ["PROPOSITION"]}</c>.</summary>
public sealed record CrmConditionRule(string Field, string Operator, JsonNode? Value) : CrmCondition;

public abstract record CrmCondition;

/// <summary>One action: <c>{"type": "create_task", "config": {...}}</c>.</summary>
public sealed record CrmAction(string Type, JsonObject Config);

public static class CrmTriggerTypes
{
    public const string OrganisationCreated = "organisation_created";
    public const string OrganisationUpdated = "organisation_updated";
    public const string DealCreated = "deal_created";
    public const string DealUpdated = "deal_updated";
    public const string DealStageChanged = "deal_stage_changed";
    public const string Scheduled = "scheduled";
    public const string InactivityDelay = "inactivity_delay";
    public const string Manual = "manual";
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> All =
        [OrganisationCreated, OrganisationUpdated, DealCreated, DealUpdated, DealStageChanged, Scheduled, InactivityDelay, Manual, Webhook];
}

public static class CrmActionTypes
{
    public const string SendEmail = "send_email";
    public const string CreateTask = "create_task";
    public const string SendNotification = "send_notification";
    public const string UpdateField = "update_field";
    public const string AssignUser = "assign_user";
    public const string AddTag = "add_tag";
    public const string CallWebhook = "call_webhook";
    public const string CreateActivity = "create_activity";

    public static readonly IReadOnlyList<string> All =
        [SendEmail, CreateTask, SendNotification, UpdateField, AssignUser, AddTag, CallWebhook, CreateActivity];
}

public static class CrmWorkflowStatuses
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
    public const string Draft = "DRAFT";
    public static readonly IReadOnlyList<string> All = [Active, Inactive, Draft];
}

/// <summary>The seed's execution statuses; a compiled workflow reports SKIPPED as its output's outcome.</summary>
public static class CrmExecutionStatuses
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string Skipped = "SKIPPED";
    public static readonly IReadOnlyList<string> All = [Pending, Running, Success, Failed, Skipped];
}

public static class CrmConditionOperators
{
    public const string And = "AND";
    public const string Or = "OR";
    public static readonly IReadOnlyList<string> Groups = [And, Or];

    /// <summary>The comparison operators of the seed's _compare_values (not_contains included).</summary>
    public static readonly IReadOnlyList<string> Comparisons = ["==", "!=", ">", "<", ">=", "<=", "contains", "not_contains", "in", "not_in"];
}

/// <summary>One problem of a CRM workflow document: its JSON path and one sentence.</summary>
public sealed record CrmWorkflowProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
