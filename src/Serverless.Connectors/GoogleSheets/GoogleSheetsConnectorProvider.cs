using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>Real Google Sheets when a service account is set (Connectors:GoogleSheets:ServiceAccountJson or
/// ServiceAccountFile) and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class GoogleSheetsConnectorProvider(IServiceProvider services, IOptionsMonitor<GoogleSheetsOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IGoogleSheetsClient>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IGoogleSheetsClient CreateReal() => services.GetRequiredService<GoogleSheetsClient>();

    private protected override IGoogleSheetsClient CreateSandbox(SandboxRecorder recorder) =>
        new SandboxGoogleSheetsClient(recorder, options.CurrentValue);
}
