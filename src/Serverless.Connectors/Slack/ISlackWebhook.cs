namespace Serverless.Connectors.Slack;

/// <summary>Posts to a Slack incoming webhook. Get one from IConnectorProvider&lt;ISlackWebhook&gt;.</summary>
public interface ISlackWebhook
{
    Task PostAsync(SlackMessage message, CancellationToken cancellationToken);
}
