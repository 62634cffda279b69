using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.Teams;

/// <summary>Real Teams when Connectors:Teams:WebhookUrl is set and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class TeamsConnectorProvider(IServiceProvider services, IOptionsMonitor<TeamsOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<ITeamsWebhook>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override ITeamsWebhook CreateReal() => services.GetRequiredService<TeamsWebhookClient>();

    private protected override ITeamsWebhook CreateSandbox(SandboxRecorder recorder) => new SandboxTeamsWebhook(recorder);
}
