using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Crm.Api;

/// <summary>The workflow API in the embedded host (management key required: map it in a RequireManagementKey group);
/// functions/Http/CrmWorkflowFunctions.cs declares the same routes over the same <see cref="CrmWorkflowHandlers"/>.</summary>
public static class CrmWorkflowEndpoints
{
    private const string Tag = "CRM workflows";

    public static IEndpointRouteBuilder MapCrmWorkflowApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        static string R(string route) => "/api/" + route;
        endpoints.MapGet(R(CrmWorkflowRoutes.Workflows), (HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.ListAsync(r, ct)).WithName("CrmListWorkflows").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Workflows), (HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.CreateAsync(r, ct)).WithName("CrmCreateWorkflow").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Workflow), (string id, CrmWorkflowHandlers h, CancellationToken ct) => h.GetAsync(id, ct)).WithName("CrmGetWorkflow").WithTags(Tag);
        endpoints.MapPut(R(CrmWorkflowRoutes.Workflow), (string id, HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.UpdateAsync(id, r, ct)).WithName("CrmUpdateWorkflow").WithTags(Tag);
        endpoints.MapDelete(R(CrmWorkflowRoutes.Workflow), (string id, CrmWorkflowHandlers h, CancellationToken ct) => h.DeleteAsync(id, ct)).WithName("CrmDeleteWorkflow").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Activate), (string id, HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.ActivateAsync(id, r, ct)).WithName("CrmActivateWorkflow").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Execute), (string id, HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.ExecuteAsync(id, r, ct)).WithName("CrmExecuteWorkflow").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Executions), (string id, HttpRequest r, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.ExecutionsAsync(id, r, ct)).WithName("CrmListExecutions").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Execution), (string id, string executionId, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.ExecutionAsync(id, executionId, ct)).WithName("CrmGetExecution").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Stats), (string id, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.StatsAsync(id, ct)).WithName("CrmWorkflowStats").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Templates), (CrmWorkflowHandlers h) => h.Templates()).WithName("CrmListTemplates").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.FromTemplate), (string templateId, HttpRequest r, CrmWorkflowHandlers h, CancellationToken ct) => h.FromTemplateAsync(templateId, r, ct)).WithName("CrmCreateFromTemplate").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Versions), (string id, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.VersionsAsync(id, ct)).WithName("CrmListVersions").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Version), (string id, int version, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.VersionAsync(id, version, ct)).WithName("CrmGetVersion").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Diff), (string id, HttpRequest r, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.DiffAsync(id, r, ct)).WithName("CrmDiffVersions").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Rollback), (string id, HttpRequest r, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.RollbackAsync(id, r, ct)).WithName("CrmRollbackWorkflow").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Duplicate), (string id, HttpRequest r, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.DuplicateAsync(id, r, ct)).WithName("CrmDuplicateWorkflow").WithTags(Tag);
        endpoints.MapGet(R(CrmWorkflowRoutes.Export), (string id, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.ExportAsync(id, ct)).WithName("CrmExportWorkflow").WithTags(Tag);
        endpoints.MapPost(R(CrmWorkflowRoutes.Import), (HttpRequest r, CrmWorkflowHistoryHandlers h, CancellationToken ct) => h.ImportAsync(r, ct)).WithName("CrmImportWorkflows").WithTags(Tag);
        return endpoints;
    }

    /// <summary>The webhook trigger's route: open, its workflow's trigger_config.auth decides (map it outside the key group).</summary>
    public static IEndpointRouteBuilder MapCrmWorkflowWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/" + CrmWorkflowRoutes.Webhook, (string id, HttpRequest r, CrmWebhookHandlers h, CancellationToken ct) => h.StartAsync(id, r, ct))
            .WithName("CrmWorkflowWebhook").WithTags(Tag);
        return endpoints;
    }
}
