using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Api.Security;
using Serverless.Api.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;
using Serverless.Storage.Dedup;

namespace Serverless.Api.Webhooks;

/// <summary>
/// POST /api/hooks/{route}: starts the latest version of the workflow whose webhook trigger declares the route, with
/// the JSON body as input and <c>trigger = {kind: "webhook", route, headers}</c>. The trigger's <c>auth</c> decides the
/// check: <c>apiKey</c> (X-API-Key against Webhooks:ApiKeys), <c>hmac</c> (X-Signature over the canonical string of
/// <see cref="SignedRequest"/>, Webhooks:Secrets) or <c>none</c>. 202 + Location for a new instance, 200 with the same
/// body when the Idempotency-Key was seen for this workflow or the same signed request was accepted before (the
/// <see cref="SignedRequestReplayGuard"/> remembers it for the signature window). Both hosts call <see cref="HandleAsync"/>.
/// </summary>
public sealed class WebhookTriggerHandler(
    IWorkflowClient client,
    IWorkflowCatalog catalog,
    WebhookCredentials credentials,
    SignedRequestReplayGuard replays,
    IOptions<ApiOptions> apiOptions,
    TimeProvider clock,
    ILogger<WebhookTriggerHandler> logger)
{
    /// <summary>Request headers copied into <c>trigger.headers</c> (lower-case names). Never credentials.</summary>
    public static readonly IReadOnlyList<string> ForwardedHeaders = ["content-type", "user-agent", "x-request-id"];

    /// <summary>Dedup scope (table store partition) of the accepted hmac signatures.</summary>
    public const string ReplayScope = "webhook-signed-requests";

    private const int MaxForwardedHeaderLength = 512;

    public async Task<IResult> HandleAsync(HttpRequest request, string? route, CancellationToken cancellationToken)
    {
        var requested = WebhookRoutes.Normalize(route);
        var match = WebhookRouteTable.Resolve(catalog, requested);
        if (match.Ambiguous)
        {
            var ids = match.Claims.Select(c => c.Definition.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            WebhookLog.Conflict(logger, requested, string.Join(", ", ids));
            return WebhookProblems.RouteConflict(requested, ids);
        }

        if (!match.Found)
        {
            return WebhookProblems.RouteNotFound(requested);
        }

        var definition = match.Definition;
        var declared = WebhookRoutes.Normalize(match.Trigger.Route);
        var maxBytes = apiOptions.Value.MaxRequestBodyBytes;
        var (refusal, signature) = await AuthenticateAsync(request, definition.Id, declared, match.Trigger.Auth, maxBytes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var idempotencyKey = StartInstanceHandler.ReadIdempotencyKey(request, out var error);
        if (error is not null)
        {
            return ApiProblems.Invalid(StartInstanceHandler.IdempotencyKeyHeader, error, request.Path);
        }

        var (input, problem) = await JsonBody.ReadAsync(request, maxBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var trigger = new JsonObject
        {
            ["kind"] = TriggerTypes.Webhook,
            ["route"] = declared,
            ["headers"] = SafeHeaders(request.Headers),
        };

        if (signature is not null)
        {
            var claim = await replays.ClaimAsync(ReplayScope, signature, credentials.Tolerance, cancellationToken);
            if (!claim.IsFirst)
            {
                if (claim.Outcome is not { } firstInstance)
                {
                    return WebhookProblems.ReplayInFlight();
                }

                WebhookLog.Replayed(logger, declared, firstInstance, definition.Id);
                return Results.Ok(new StartInstanceResponse(firstInstance, ApiRoutes.InstanceUrl(firstInstance)));
            }
        }

        StartResult result;
        try
        {
            result = await client.StartAsync(
                new StartRequest(definition.Id, input, IdempotencyKey: idempotencyKey, Trigger: trigger, Version: definition.Version),
                cancellationToken);
        }
        catch (Exception e) when (signature is not null)
        {
            // Nothing was started: the same request may be sent again.
            await replays.ReleaseAsync(ReplayScope, signature, CancellationToken.None);
            if (e is WorkflowNotFoundException)
            {
                return WebhookProblems.RouteNotFound(requested);
            }

            throw;
        }
        catch (WorkflowNotFoundException)
        {
            return WebhookProblems.RouteNotFound(requested);
        }

        if (signature is not null)
        {
            await replays.RecordAsync(ReplayScope, signature, result.InstanceId, credentials.Tolerance, CancellationToken.None);
        }

        var body = new StartInstanceResponse(result.InstanceId, ApiRoutes.InstanceUrl(result.InstanceId));
        if (result.Created)
        {
            WebhookLog.Started(logger, declared, result.InstanceId, definition.Id);
            return Results.Accepted(body.StatusUrl, body);
        }

        WebhookLog.ReturnedExisting(logger, declared, result.InstanceId, definition.Id);
        return Results.Ok(body);
    }

    /// <summary>No refusal when the caller may start the workflow (with the verified signature for hmac). A scheme
    /// whose setting is empty answers 503, never open.</summary>
    private async Task<(IResult? Refusal, string? Signature)> AuthenticateAsync(
        HttpRequest request, string workflowId, string route, string auth, long maxBytes, CancellationToken cancellationToken)
    {
        switch (auth)
        {
            case WebhookAuth.None:
                return (null, null);

            case WebhookAuth.ApiKey:
                if (!credentials.HasApiKeys)
                {
                    return (NotConfigured(workflowId, route, auth, nameof(WebhookOptions.ApiKeys)), null);
                }

                var key = request.Headers[WebhookCredentials.ApiKeyHeader].ToString();
                if (string.IsNullOrEmpty(key))
                {
                    return (Refuse(route, workflowId, $"The {WebhookCredentials.ApiKeyHeader} header is required."), null);
                }

                return credentials.IsValidApiKey(key)
                    ? (null, null)
                    : (Refuse(route, workflowId, $"The {WebhookCredentials.ApiKeyHeader} header is not a valid key."), null);

            case WebhookAuth.Hmac:
                if (!credentials.HasSecrets)
                {
                    return (NotConfigured(workflowId, route, auth, nameof(WebhookOptions.Secrets)), null);
                }

                var timestamp = request.Headers[WebhookCredentials.TimestampHeader].ToString();
                var headerError = credentials.CheckSignatureHeaders(
                    timestamp, request.Headers[WebhookCredentials.SignatureHeader].ToString(), clock.GetUtcNow(), out var expected);
                if (headerError is not null)
                {
                    return (Refuse(route, workflowId, headerError), null);
                }

                var (raw, tooLarge) = await BoundedBody.ReadRequestAsync(request, maxBytes, cancellationToken);
                if (tooLarge is not null)
                {
                    return (tooLarge, null);
                }

                if (!credentials.IsValidSignature(request, timestamp, raw, expected))
                {
                    return (Refuse(route, workflowId, $"{WebhookCredentials.SignatureHeader} does not match the request."), null);
                }

                // JsonBody reads the same bytes again, so a signed body and the parsed input cannot differ.
                request.Body = new MemoryStream(raw, writable: false);
                return (null, Convert.ToHexStringLower(expected));

            default:
                // The loader only admits the schemes above; an unknown one must not fall through to "open".
                return (NotConfigured(workflowId, route, auth, "auth"), null);
        }
    }

    private IResult Refuse(string route, string workflowId, string reason)
    {
        WebhookLog.Refused(logger, route, workflowId, reason);
        return WebhookProblems.Unauthorized(reason);
    }

    private IResult NotConfigured(string workflowId, string route, string auth, string settingName)
    {
        var setting = WebhookOptions.Setting(settingName);
        WebhookLog.NotConfigured(logger, route, workflowId, setting);
        return WebhookProblems.NotConfigured(workflowId, route, auth, setting);
    }

    private static JsonObject SafeHeaders(IHeaderDictionary headers)
    {
        var safe = new JsonObject();
        foreach (var name in ForwardedHeaders)
        {
            var value = headers[name].ToString();
            if (value.Length > 0)
            {
                safe[name] = value.Length <= MaxForwardedHeaderLength ? value : value[..MaxForwardedHeaderLength];
            }
        }

        return safe;
    }
}
