using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Teams;

/// <summary>The real Teams connector: a typed HttpClient posting the card JSON to the webhook URL through the shared
/// handler. Workflows answers 202 Accepted, or {"error": {"code", "message"}} with a 4xx; a legacy connector answers
/// 200 "1", but also 200 with "Webhook message delivery failed with error: ... HTTP error 429 ..." when Teams refused
/// the message, which is read as the failure it reports.</summary>
public sealed partial class TeamsWebhookClient(HttpClient http, IOptionsMonitor<TeamsOptions> options, TimeProvider time) : ITeamsWebhook
{
    public async Task PostAsync(TeamsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.CurrentValue.WebhookUrl)
        {
            Content = new StringContent(message.ToJson().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        await HttpFailures.EnsureSuccessAsync(response, TeamsOptions.ConnectorName, time, cancellationToken);

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (DeliveryFailed().Match(body) is { Success: true } failed)
        {
            using var reported = new HttpResponseMessage((HttpStatusCode)int.Parse(failed.Groups["status"].Value, CultureInfo.InvariantCulture));
            throw HttpFailures.ToException(reported, TeamsOptions.ConnectorName, ApiErrorMessage.Read(body), time.GetUtcNow());
        }
    }

    [GeneratedRegex(@"^\s*Webhook message delivery failed with error:.*?HTTP error (?<status>[1-5][0-9]{2})", RegexOptions.Singleline)]
    private static partial Regex DeliveryFailed();
}
