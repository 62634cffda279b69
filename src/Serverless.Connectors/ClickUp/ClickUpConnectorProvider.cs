using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.ClickUp;

/// <summary>Real ClickUp when Connectors:ClickUp:ApiToken is set and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class ClickUpConnectorProvider(IServiceProvider services, IOptionsMonitor<ClickUpOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IClickUpClient>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IClickUpClient CreateReal() => services.GetRequiredService<ClickUpClient>();

    private protected override IClickUpClient CreateSandbox(SandboxRecorder recorder) => new SandboxClickUpClient(recorder);
}
