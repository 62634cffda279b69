using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Approvals.Links;
using Serverless.Approvals.Pending;
using Serverless.Approvals.Slack;

namespace Serverless.Approvals;

public static class ApprovalsEndpoints
{
    /// <summary>Maps GET/POST /api/approvals/{token} (link flow), GET /api/approvals?status=pending and
    /// POST /api/slack/interactions.</summary>
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApprovalRoutes.Prefix).WithTags("Approvals");
        api.MapGet(ApprovalRoutes.Approvals, (string? status, string? workflowId, PendingApprovalsHandler h, CancellationToken ct) => h.ListAsync(status, workflowId, ct))
            .WithName("ListPendingApprovals").ProducesValidationProblem();
        api.MapGet(ApprovalRoutes.Decision, (HttpContext http, string token, ApprovalLinkHandlers h, CancellationToken ct) => h.GetAsync(http, token, ct))
            .WithName("ShowApprovalDecision").ExcludeFromDescription();
        api.MapPost(ApprovalRoutes.Decision, (HttpContext http, string token, ApprovalLinkHandlers h, CancellationToken ct) => h.PostAsync(http, token, ct))
            .WithName("RecordApprovalDecision").ExcludeFromDescription().DisableAntiforgery();
        api.MapPost(ApprovalRoutes.SlackInteractions, (HttpRequest req, SlackInteractionHandler h, CancellationToken ct) => h.HandleAsync(req, ct))
            .WithName("SlackInteractions").ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }
}
