namespace Serverless.Connectors.Teams;

/// <summary>Posts to a Microsoft Teams incoming webhook (a Workflows "when a Teams webhook request is received" URL,
/// or a legacy Office 365 connector URL) as an Adaptive Card. Get one from IConnectorProvider&lt;ITeamsWebhook&gt;.</summary>
public interface ITeamsWebhook
{
    Task PostAsync(TeamsMessage message, CancellationToken cancellationToken);
}
