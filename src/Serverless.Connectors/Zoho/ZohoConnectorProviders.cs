using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.Zoho;

/// <summary>Real Zoho Desk when Connectors:Zoho:ClientId, ClientSecret and RefreshToken are set; the sandbox twin
/// (reading <see cref="ZohoSandboxData"/>) when they are not; in a dry run on a configured account, the real reads
/// and the sandbox's recorded writes (<see cref="DryRunZohoDeskClient"/>).</summary>
internal sealed class ZohoDeskConnectorProvider(IServiceProvider services, IOptionsMonitor<ZohoOptions> options, ZohoSandboxData data,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IZohoDeskClient>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IZohoDeskClient CreateReal() => services.GetRequiredService<ZohoDeskClient>();

    private protected override IZohoDeskClient CreateSandbox(SandboxRecorder recorder) =>
        new SandboxZohoDeskClient(recorder, data, services.GetRequiredService<TimeProvider>());

    private protected override IZohoDeskClient CreateDryRun(SandboxRecorder recorder) => new DryRunZohoDeskClient(CreateReal(), CreateSandbox(recorder));
}

/// <summary>Real Zoho CRM under the same rule as <see cref="ZohoDeskConnectorProvider"/> (one set of credentials).</summary>
internal sealed class ZohoCrmConnectorProvider(IServiceProvider services, IOptionsMonitor<ZohoOptions> options, ZohoSandboxData data,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IZohoCrmClient>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IZohoCrmClient CreateReal() => services.GetRequiredService<ZohoCrmClient>();

    private protected override IZohoCrmClient CreateSandbox(SandboxRecorder recorder) => new SandboxZohoCrmClient(recorder, data, options.CurrentValue);

    private protected override IZohoCrmClient CreateDryRun(SandboxRecorder recorder) => new DryRunZohoCrmClient(CreateReal(), CreateSandbox(recorder));
}
