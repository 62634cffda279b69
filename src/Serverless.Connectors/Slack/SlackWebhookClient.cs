using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Slack;

/// <summary>The real Slack connector: a typed HttpClient posting JSON to the webhook URL through the shared handler.
/// Slack answers "ok" or a plain-text error (invalid_payload, invalid_token, no_service, channel_is_archived).</summary>
public sealed class SlackWebhookClient(HttpClient http, IOptionsMonitor<SlackOptions> options, TimeProvider time) : ISlackWebhook
{
    public async Task PostAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.CurrentValue.WebhookUrl)
        {
            Content = new StringContent(message.ToJson().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        await HttpFailures.EnsureSuccessAsync(response, SlackOptions.ConnectorName, time, cancellationToken);
    }
}
