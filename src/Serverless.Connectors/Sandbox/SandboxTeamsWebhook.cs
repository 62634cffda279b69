using System.Text.Json.Nodes;
using Serverless.Connectors.Teams;

namespace Serverless.Connectors.Sandbox;

/// <summary>Teams in sandbox mode: records the card it would have posted. The webhook URL is the secret, so it is
/// never recorded.</summary>
internal sealed class SandboxTeamsWebhook(SandboxRecorder recorder) : ITeamsWebhook
{
    public Task PostAsync(TeamsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return recorder.RecordAsync(TeamsOptions.ConnectorName, nameof(PostAsync),
            new JsonObject { ["method"] = "POST", ["url"] = "(incoming webhook URL)", ["body"] = message.ToJson() },
            new JsonObject { ["status"] = 202 }, cancellationToken);
    }
}
