using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Serverless.Connectors.Alerts;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Resilience;

/// <summary>The one DelegatingHandler every connector's typed HttpClient goes through: per-credential rate limit, then
/// the connector's resilience pipeline. Transport failures leave as <see cref="ActivityException"/> with the right
/// kind; HTTP answers (even failed ones) go back to the client, which reads the API's own error message. A final
/// 401 is reported to <see cref="IConnectorAlerts"/>. Never logs headers, URLs or bodies: they carry tokens and
/// personal data.</summary>
public sealed class ConnectorResilienceHandler : DelegatingHandler
{
    private readonly ConnectorPolicy _policy;
    private readonly ConnectorPipelines _pipelines;
    private readonly CredentialRateLimiters _limiters;
    private readonly IConnectorAlerts _alerts;
    private readonly ILogger<ConnectorResilienceHandler> _logger;

    internal ConnectorResilienceHandler(ConnectorPolicy policy, ConnectorPipelines pipelines, CredentialRateLimiters limiters,
        IConnectorAlerts alerts, ILogger<ConnectorResilienceHandler> logger)
    {
        _policy = policy;
        _pipelines = pipelines;
        _limiters = limiters;
        _alerts = alerts;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = CredentialOf(request);
        var pipeline = _pipelines.For(_policy.Name);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(async token =>
            {
                using var lease = await _limiters.AcquireAsync(_policy, credential, token);
                return await base.SendAsync(request, token);
            }, cancellationToken);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"{_policy.Name} did not answer in time ({e.Timeout.TotalSeconds:0.#} s).", null, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new ActivityException(ErrorKinds.Transient,
                $"{_policy.Name} is failing repeatedly; calls are paused (circuit open).", e.RetryAfter, e);
        }
        catch (HttpRequestException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{_policy.Name} could not be reached: {e.Message}", null, e);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("{Connector} {Method} answered {Status}", _policy.Name, request.Method, (int)response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await _alerts.TokenRefusedAsync(_policy.Name, CancellationToken.None);
        }

        return response;
    }

    /// <summary>The token decides the rate-limit bucket; webhook-style connectors carry the secret in the URL instead.</summary>
    private static string CredentialOf(HttpRequestMessage request) =>
        request.Headers.Authorization?.ToString() ?? request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "";
}
