using Polly.Timeout;
using Serverless.Approvals.Configuration;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Slack;

/// <summary>Rate limit per bot token, then the retry pipeline; transport failures leave as ActivityExceptions. Never
/// logs headers or bodies (the token, and the people's names in messages).</summary>
internal sealed class SlackResilienceHandler(SlackPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = request.Headers.Authorization?.ToString() ?? "";
        try
        {
            return await pipeline.Pipeline.ExecuteAsync(async token =>
            {
                using var lease = await pipeline.AcquireAsync(credential, token);
                return await base.SendAsync(request, token);
            }, cancellationToken);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"{SlackApprovalOptions.ConnectorName} did not answer in time.", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{SlackApprovalOptions.ConnectorName} could not be reached: {e.Message}", null, e);
        }
    }
}
