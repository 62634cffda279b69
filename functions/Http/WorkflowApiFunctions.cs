using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Api.DeadLetters;
using Serverless.Api.Health;
using Serverless.Api.Instances;
using Serverless.Api.Security;
using Serverless.Api.Stats;
using Serverless.Api.Workflows;

namespace Serverless.Functions.Http;

/// <summary>Every route of the embedded host's MapWorkflowApi (same methods, same paths under the "api" route
/// prefix of host.json), each a one-liner into the same Serverless.Api handler. Authorization is Anonymous at the
/// Functions level because authentication is ours: <c>Run</c> checks the management key (Api:ApiKeys) or Entra ID token through the
/// shared SharedHandlerPipeline, exactly as the embedded host's endpoint filter does; health and the sign-in
/// configuration are open.</summary>
public sealed class WorkflowApiFunctions
{
    [Function("GetHealth")]
    public Task<IActionResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<HealthHandler>(durable, h => h.GetAsync(ct));

    [Function("GetAuthConfig")]
    public Task<IActionResult> GetAuthConfig(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AuthConfig)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        req.RunOpen<AuthConfigHandler>(durable, h => h.Get(req.HttpContext));

    [Function("ListWorkflows")]
    public Task<IActionResult> ListWorkflows(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Workflows)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        req.Run<WorkflowHandlers>(durable, h => h.List());

    [Function("GetWorkflow")]
    public Task<IActionResult> GetWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Workflow)] HttpRequest req,
        string workflowId, [DurableClient] DurableTaskClient durable) =>
        req.Run<WorkflowHandlers>(durable, h => h.Get(req, workflowId));

    [Function("StartInstance")]
    public Task<IActionResult> StartInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.WorkflowInstances)] HttpRequest req,
        string workflowId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<StartInstanceHandler>(durable, h => h.StartAsync(req, workflowId, ct));

    [Function("ListInstances")]
    public Task<IActionResult> ListInstances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Instances)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceListHandler>(durable, h => h.ListAsync(req, ct));

    [Function("GetInstance")]
    public Task<IActionResult> GetInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Instance)] HttpRequest req,
        string instanceId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceHandlers>(durable, h => h.GetAsync(instanceId, ct));

    [Function("RaiseEvent")]
    public Task<IActionResult> RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.InstanceEvent)] HttpRequest req,
        string instanceId, string eventName, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceHandlers>(durable, h => h.RaiseEventAsync(req, instanceId, eventName, ct));

    [Function("TerminateInstance")]
    public Task<IActionResult> TerminateInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.InstanceTerminate)] HttpRequest req,
        string instanceId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceHandlers>(durable, h => h.TerminateAsync(req, instanceId, ct));

    [Function("ReplayInstance")]
    public Task<IActionResult> ReplayInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.InstanceReplay)] HttpRequest req,
        string instanceId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceHandlers>(durable, h => h.ReplayAsync(instanceId, ct));

    [Function("PurgeInstance")]
    public Task<IActionResult> PurgeInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Instance)] HttpRequest req,
        string instanceId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<InstanceHandlers>(durable, h => h.PurgeAsync(instanceId, ct));

    [Function("ListDeadLetters")]
    public Task<IActionResult> ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeadLetters)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<DeadLetterHandler>(durable, h => h.ListAsync(req, ct));

    [Function("ReplayDeadMessage")]
    public Task<IActionResult> ReplayDeadMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DeadMessageReplay)] HttpRequest req,
        string messageId, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<DeadMessageReplayHandler>(durable, h => h.ReplayAsync(messageId, ct));

    [Function("GetStats")]
    public Task<IActionResult> GetStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Stats)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<StatsHandler>(durable, h => h.GetAsync(req, ct));
}
