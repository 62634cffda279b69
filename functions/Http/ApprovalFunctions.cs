using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Approvals;
using Serverless.Approvals.Links;
using Serverless.Approvals.Pending;
using Serverless.Approvals.Slack;

namespace Serverless.Functions.Http;

/// <summary>The approval surfaces of MapApprovalsApi: signed decision links, the pending list and Slack buttons.
/// Links and Slack verify their own signatures (RunOpen); the pending list needs the management key (Run).</summary>
public sealed class ApprovalFunctions
{
    [Function("ListPendingApprovals")]
    public Task<IActionResult> ListPending(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApprovalRoutes.Approvals)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<PendingApprovalsHandler>(durable, h => h.ListAsync(req.Query["status"], req.Query["workflowId"], ct));

    [Function("ShowApprovalDecision")]
    public Task<IActionResult> ShowDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApprovalRoutes.Decision)] HttpRequest req,
        string token, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<ApprovalLinkHandlers>(durable, h => h.GetAsync(req.HttpContext, token, ct));

    [Function("RecordApprovalDecision")]
    public Task<IActionResult> RecordDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApprovalRoutes.Decision)] HttpRequest req,
        string token, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<ApprovalLinkHandlers>(durable, h => h.PostAsync(req.HttpContext, token, ct));

    [Function("SlackInteractions")]
    public Task<IActionResult> SlackInteractions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApprovalRoutes.SlackInteractions)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<SlackInteractionHandler>(durable, h => h.HandleAsync(req, ct));
}
