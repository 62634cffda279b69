using System.Text.Json.Nodes;
using Serverless.Connectors.Slack;

namespace Serverless.Connectors.Sandbox;

/// <summary>Slack in sandbox mode: records the message body it would have posted. The webhook URL is the secret,
/// so it is never recorded.</summary>
internal sealed class SandboxSlackWebhook(SandboxRecorder recorder) : ISlackWebhook
{
    public Task PostAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return recorder.RecordAsync(SlackOptions.ConnectorName, nameof(PostAsync),
            new JsonObject { ["method"] = "POST", ["url"] = "(incoming webhook URL)", ["body"] = message.ToJson() },
            JsonValue.Create("ok"), cancellationToken);
    }
}
