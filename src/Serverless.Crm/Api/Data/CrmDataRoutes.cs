namespace Serverless.Crm.Api.Data;

/// <summary>The built-in CRM's REST routes under the "api" prefix (what an Azure Functions trigger declares); the
/// embedded host maps them in <see cref="CrmDataEndpoints"/>, the Functions app in functions/Http/CrmDataFunctions.cs.</summary>
public static class CrmDataRoutes
{
    public const string Organisations = "v1/crm/organisations";
    public const string Organisation = "v1/crm/organisations/{id}";
    public const string Deals = "v1/crm/deals";
    public const string Deal = "v1/crm/deals/{id}";
    public const string People = "v1/crm/people";
    public const string Person = "v1/crm/people/{id}";
    public const string Tasks = "v1/crm/tasks";
    public const string Task = "v1/crm/tasks/{id}";
    public const string Users = "v1/crm/users";
    public const string User = "v1/crm/users/{id}";
    public const string Activities = "v1/crm/activities";
    public const string Activity = "v1/crm/activities/{id}";

    /// <summary>On a write of an organisation or a deal: how many workflow executions its change events started.</summary>
    public const string WorkflowsStartedHeader = "X-Crm-Workflows-Started";

    /// <summary>On such a write when loop protection refused to start deeper executions: why.</summary>
    public const string WorkflowsStoppedHeader = "X-Crm-Workflows-Stopped";
}
