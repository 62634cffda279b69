using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.Slack;

/// <summary>Real Slack when Connectors:Slack:WebhookUrl is set and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class SlackConnectorProvider(IServiceProvider services, IOptionsMonitor<SlackOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<ISlackWebhook>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override ISlackWebhook CreateReal() => services.GetRequiredService<SlackWebhookClient>();

    private protected override ISlackWebhook CreateSandbox(SandboxRecorder recorder) => new SandboxSlackWebhook(recorder);
}
