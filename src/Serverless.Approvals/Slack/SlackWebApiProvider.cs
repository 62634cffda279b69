using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Slack;

/// <summary>The connectors' selection rule: the real client only with a bot token and outside dry runs.</summary>
internal sealed class SlackWebApiProvider(IServiceProvider services, IOptionsMonitor<ApprovalOptions> options,
    ISandboxCallLog log, TimeProvider time) : IConnectorProvider<ISlackWebApi>
{
    public bool IsConfigured => options.CurrentValue.Slack.IsConfigured;

    public ISlackWebApi For(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsConfigured && !context.DryRun
            ? services.GetRequiredService<SlackWebApiClient>()
            : new SandboxSlackWebApi(context, log, time);
    }
}
