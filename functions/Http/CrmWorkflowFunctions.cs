using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Crm.Api;

namespace Serverless.Functions.Http;

/// <summary>The CRM workflow API of seed 002 (CrmWorkflowEndpoints in the embedded host), management key required.</summary>
public sealed class CrmWorkflowFunctions
{
    [Function("CrmListWorkflows")]
    public Task<IActionResult> ListWorkflows(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Workflows)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.ListAsync(req, ct));

    [Function("CrmCreateWorkflow")]
    public Task<IActionResult> CreateWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Workflows)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.CreateAsync(req, ct));

    [Function("CrmGetWorkflow")]
    public Task<IActionResult> GetWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Workflow)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.GetAsync(id, ct));

    [Function("CrmUpdateWorkflow")]
    public Task<IActionResult> UpdateWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = CrmWorkflowRoutes.Workflow)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.UpdateAsync(id, req, ct));

    [Function("CrmDeleteWorkflow")]
    public Task<IActionResult> DeleteWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = CrmWorkflowRoutes.Workflow)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.DeleteAsync(id, ct));

    [Function("CrmActivateWorkflow")]
    public Task<IActionResult> ActivateWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Activate)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.ActivateAsync(id, req, ct));

    [Function("CrmExecuteWorkflow")]
    public Task<IActionResult> ExecuteWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Execute)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.ExecuteAsync(id, req, ct));

    [Function("CrmListExecutions")]
    public Task<IActionResult> ListExecutions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Executions)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.ExecutionsAsync(id, req, ct));

    [Function("CrmGetExecution")]
    public Task<IActionResult> GetExecution(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Execution)] HttpRequest req, string id, string executionId,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.ExecutionAsync(id, executionId, ct));

    [Function("CrmWorkflowStats")]
    public Task<IActionResult> WorkflowStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Stats)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.StatsAsync(id, ct));

    [Function("CrmListTemplates")]
    public Task<IActionResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Templates)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.Templates());

    [Function("CrmCreateFromTemplate")]
    public Task<IActionResult> CreateFromTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.FromTemplate)] HttpRequest req, string templateId,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHandlers>(durable, h => h.FromTemplateAsync(templateId, req, ct));

    [Function("CrmListVersions")]
    public Task<IActionResult> ListVersions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Versions)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.VersionsAsync(id, ct));

    [Function("CrmGetVersion")]
    public Task<IActionResult> GetVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Version)] HttpRequest req, string id, int version,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.VersionAsync(id, version, ct));

    [Function("CrmDiffVersions")]
    public Task<IActionResult> DiffVersions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Diff)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.DiffAsync(id, req, ct));

    [Function("CrmRollbackWorkflow")]
    public Task<IActionResult> RollbackWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Rollback)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.RollbackAsync(id, req, ct));

    [Function("CrmDuplicateWorkflow")]
    public Task<IActionResult> DuplicateWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Duplicate)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.DuplicateAsync(id, req, ct));

    [Function("CrmExportWorkflow")]
    public Task<IActionResult> ExportWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmWorkflowRoutes.Export)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.ExportAsync(id, ct));

    [Function("CrmImportWorkflows")]
    public Task<IActionResult> ImportWorkflows(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Import)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmWorkflowHistoryHandlers>(durable, h => h.ImportAsync(req, ct));

    /// <summary>Open: the workflow's trigger_config.auth (apiKey, hmac, none) is checked by the handler.</summary>
    [Function("CrmWorkflowWebhook")]
    public Task<IActionResult> WorkflowWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmWorkflowRoutes.Webhook)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<CrmWebhookHandlers>(durable, h => h.StartAsync(id, req, ct));
}
