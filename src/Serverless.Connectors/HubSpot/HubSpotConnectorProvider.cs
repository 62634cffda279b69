using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.HubSpot;

/// <summary>Real HubSpot when Connectors:HubSpot:AccessToken is set and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class HubSpotConnectorProvider(IServiceProvider services, IOptionsMonitor<HubSpotOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IHubSpotClient>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IHubSpotClient CreateReal() => services.GetRequiredService<HubSpotClient>();

    private protected override IHubSpotClient CreateSandbox(SandboxRecorder recorder) => new SandboxHubSpotClient(recorder, options.CurrentValue);
}
