using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Crm.HubSpot;

/// <summary>
/// POST /api/v1/crm/hubspot/webhook, the target URL of the HubSpot app's webhook subscriptions (both hosts call
/// this). Refuses with 401 problem+json unless the X-HubSpot-Signature-v3 signature is right and fresh; then, for
/// each company/deal event of the batch, publishes the change events (<see cref="HubSpotChangePublisher"/>, ids
/// hubspot-{eventId}). An event that fails answers 503 so HubSpot redelivers the batch; the events already handled
/// compare equal to the mirror then and publish nothing twice. 404 while Crm:Provider is not HubSpot.
/// </summary>
public sealed class CrmHubSpotWebhookHandler(IServiceProvider services, IOptions<CrmProviderOptions> provider, IOptionsMonitor<HubSpotCrmOptions> options,
    TimeProvider time, ILogger<CrmHubSpotWebhookHandler> logger)
{
    /// <summary>HubSpot sends at most 100 events a request; this is far above that.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!provider.Value.IsHubSpot)
        {
            return Results.Problem(title: "The HubSpot CRM is not enabled.", detail: "Crm:Provider is not HubSpot, so HubSpot webhooks are not received.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(title: "The request body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var settings = options.CurrentValue;
        var uri = string.IsNullOrWhiteSpace(settings.WebhookUrl) ? request.GetEncodedUrl() : settings.WebhookUrl + request.QueryString.Value;
        if (HubSpotSignatureV3.Check(settings.ClientSecret, request.Method, uri, body,
                request.Headers[HubSpotSignatureV3.SignatureHeader], request.Headers[HubSpotSignatureV3.TimestampHeader], time.GetUtcNow()) is { } refused)
        {
            HubSpotCrmLog.WebhookRefused(logger, refused);
            return Results.Problem(title: "The HubSpot signature is not valid.", detail: refused, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (HubSpotWebhookEvent.ParseBatch(body) is not { } events)
        {
            return Results.Problem(title: "The request is not a HubSpot webhook batch.",
                detail: "Expected a JSON array of events with eventId, subscriptionType and objectId.", statusCode: StatusCodes.Status400BadRequest);
        }

        var publisher = services.GetRequiredService<HubSpotChangePublisher>();
        var published = new List<string>();
        foreach (var e in events)
        {
            if (e.EntityType is not { } entityType)
            {
                continue;
            }

            try
            {
                var creation = e.IsCreation || events.Any(o => o.IsCreation && o.ObjectId == e.ObjectId && o.EntityType == entityType);
                published.AddRange(await publisher.PublishAsync(entityType, e.ObjectId, e.EventId, creation, e.OccurredAt, cancellationToken));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                HubSpotCrmLog.WebhookEventFailed(logger, e.EventId, e.SubscriptionType, e.ObjectId, ex.GetType().Name, ex.Message);
                return Results.Problem(title: "A HubSpot event could not be handled; HubSpot retries the batch.",
                    detail: $"Event {e.EventId} ({e.SubscriptionType} {e.ObjectId}): {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }

        HubSpotCrmLog.WebhookHandled(logger, events.Count, published.Count);
        return Results.Ok(new HubSpotWebhookResult(events.Count, published));
    }
}

/// <summary>What a webhook call did: the events received and the change events published (their ids).</summary>
public sealed record HubSpotWebhookResult(int Received, IReadOnlyList<string> Published);
