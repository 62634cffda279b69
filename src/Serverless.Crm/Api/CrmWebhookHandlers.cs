using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Api.Security;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;

namespace Serverless.Crm.Api;

/// <summary>
/// POST /api/v1/workflows/{id}/webhook: starts an ACTIVE workflow whose trigger_type is webhook, the body as its
/// trigger_data (and, when the body names them, trigger_entity_type / trigger_entity_id as the entity). The route is
/// open; trigger_config.auth decides who may call it: apiKey (default: the management key, as the rest of the API),
/// hmac (X-Signature: sha256=HMAC of the canonical request under Crm:WebhookSecrets:{id}, X-Signature-Timestamp within
/// 5 minutes, as the engine's own webhooks) or none. An Idempotency-Key header makes a retried call start one execution.
/// </summary>
public sealed class CrmWebhookHandlers(
    CrmWorkflowRegistry registry, CrmManualRuns runs, ManagementAuth management, IOptions<ApiOptions> api, IOptions<CrmOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public async Task<IResult> StartAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        if (!snapshot.ById.TryGetValue(id, out var workflow))
        {
            return CrmProblems.WorkflowNotFound(id);
        }

        if (workflow.Workflow.TriggerType != CrmTriggerTypes.Webhook || !workflow.IsActive)
        {
            return Results.Problem(
                title: "This workflow does not take webhooks now.",
                detail: $"Workflow {id} is {workflow.Workflow.Status} with trigger_type {workflow.Workflow.TriggerType}: only an ACTIVE webhook workflow is started here.",
                statusCode: StatusCodes.Status409Conflict, instance: request.Path);
        }

        var auth = CrmTriggerRules.Text(workflow.Spec.TriggerConfig, "auth")?.ToLowerInvariant() ?? "apikey";
        if (auth == "apikey" && await management.AuthorizeAsync(request.HttpContext) is { } refused)
        {
            return refused;
        }

        var bytes = await ReadBodyAsync(request, cancellationToken);
        if (bytes is null)
        {
            return ApiProblems.TooLarge(api.Value.MaxRequestBodyBytes);
        }

        if (auth == "hmac" && SignatureProblem(id, request, bytes) is { } wrong)
        {
            return Results.Problem(title: "The webhook signature is not valid.", detail: wrong, statusCode: StatusCodes.Status401Unauthorized, instance: request.Path);
        }

        JsonNode? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid("$", $"The body is not valid JSON: {e.Message}", request.Path);
        }

        var entityType = (body as JsonObject)?["trigger_entity_type"]?.ToString();
        var entityId = (body as JsonObject)?["trigger_entity_id"]?.ToString();
        var key = request.Headers["Idempotency-Key"].ToString();
        var result = await runs.ExecuteAsync(id, new CrmExecuteRequest(
            entityType is null || entityId is null ? null : entityType.ToLowerInvariant(), entityType is null ? null : entityId, body, false,
            key.Length is > 0 and <= 200 ? key : null), CrmRunKinds.Webhook, cancellationToken);
        if (result?.NotFound is { } missing)
        {
            return ApiProblems.Invalid("$.trigger_entity_id", missing, request.Path);
        }

        return Results.Json(CrmWorkflowViews.Execution(result!.Execution!, full: false), statusCode: StatusCodes.Status202Accepted);
    }

    private string? SignatureProblem(string id, HttpRequest request, byte[] body)
    {
        if (!options.Value.WebhookSecrets.TryGetValue(id, out var secret) || string.IsNullOrEmpty(secret))
        {
            return $"No secret is configured for workflow {id} (setting Crm:WebhookSecrets:{id}).";
        }

        var timestamp = request.Headers[BodySignature.TimestampHeader].ToString();
        if (BodySignature.CheckHeaders(timestamp, request.Headers[BodySignature.SignatureHeader].ToString(), time.GetUtcNow(), Tolerance, out var expected) is { } bad)
        {
            return bad;
        }

        using var check = BodySignature.Begin([secret], request, timestamp, expected);
        check.Append(body);
        return check.Matches() ? null : "The signature does not match the request.";
    }

    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = api.Value.MaxRequestBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
