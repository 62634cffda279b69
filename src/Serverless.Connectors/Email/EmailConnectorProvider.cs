using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.Email;

/// <summary>Real SMTP when Connectors:Smtp:Host is set and the run is not a dry run; sandbox otherwise.</summary>
internal sealed class EmailConnectorProvider(IServiceProvider services, IOptionsMonitor<SmtpOptions> options,
    ISandboxCallLog log, TimeProvider time) : ConnectorProvider<IEmailSender>(log, time)
{
    public override bool IsConfigured => options.CurrentValue.IsConfigured;

    private protected override IEmailSender CreateReal() => services.GetRequiredService<SmtpEmailSender>();

    private protected override IEmailSender CreateSandbox(SandboxRecorder recorder) => new SandboxEmailSender(recorder, options.CurrentValue);
}
