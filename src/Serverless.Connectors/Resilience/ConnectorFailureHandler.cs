using System.Net;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Serverless.Connectors.Alerts;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Resilience;

/// <summary>Sits outside the connector's resilience handler and does what the strategies cannot: transport failures
/// leave as <see cref="ActivityException"/> with the kind the workflow's retry policy selects on, and a final 401 is
/// reported to <see cref="IConnectorAlerts"/>. HTTP answers (even failed ones) go back to the client, which reads the
/// API's own error message. Never logs headers, URLs or bodies: they carry tokens and personal data.</summary>
internal sealed class ConnectorFailureHandler(string connector, ConnectorRateLimit rateLimit, IConnectorAlerts alerts,
    ILogger<ConnectorFailureHandler> logger) : DelegatingHandler
{
    /// <summary>Set (true) on a request whose 401 the client answers itself, with a refreshed token and one more try
    /// (Zoho): that 401 is not reported. The retry's own 401, if any, is.</summary>
    internal static readonly HttpRequestOptionsKey<bool> RetriesUnauthorized = new("Serverless.Connectors.RetriesUnauthorized");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"{connector} did not answer in time ({e.Timeout.TotalSeconds:0.#} s).", null, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{connector} is failing repeatedly; calls are paused (circuit open).", e.RetryAfter, e);
        }
        catch (RateLimiterRejectedException e)
        {
            throw new ActivityException(ErrorKinds.RateLimited,
                $"{connector}: too many calls are waiting for this credential's rate limit; try again later.",
                e.RetryAfter ?? rateLimit.ReplenishmentPeriod, e);
        }
        catch (HttpRequestException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{connector} could not be reached: {e.Message}", null, e);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Connector} {Method} answered {Status}", connector, request.Method, (int)response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && !(request.Options.TryGetValue(RetriesUnauthorized, out var retried) && retried))
        {
            await alerts.TokenRefusedAsync(connector, CancellationToken.None);
        }

        return response;
    }
}
