using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Approvals.Decisions;
using Serverless.Approvals.Links;
using Serverless.Approvals.Notify;
using Serverless.Approvals.Pending;
using Serverless.Approvals.Slack;
using Serverless.Approvals.Tokens;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Activities;
using Serverless.Storage.Dedup;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Documents;

namespace Serverless.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the approval surfaces: settings "Approvals" (validated at start: a missing SigningKey fails naming
    /// it), the token codec, the gate decision store (document store, added here when the host has none), the Slack
    /// replay guard (dedup keys on the table store, likewise added when missing), the
    /// "approval.notify" activity with the email connector and the Slack Web API client, and the HTTP handlers.
    /// Needs the workflow runtime (IWorkflowClient) registered by the host.
    /// </summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (!services.Any(d => d.ServiceType == typeof(IDocumentStore)))
        {
            services.AddDocumentStore(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(IDedupKeys)))
        {
            services.AddTableStore(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(IConnectorProvider<Serverless.Connectors.Email.IEmailSender>)))
        {
            services.AddEmailConnector(configuration);
        }

        services.TryAddSingleton<DecisionTokenCodec>();
        services.TryAddSingleton<GateDecisionStore>();
        services.TryAddSingleton<ApprovalDecisionService>();
        services.TryAddSingleton<DecisionLinks>();
        services.TryAddSingleton<SignedRequestReplayGuard>();
        services.TryAddSingleton<ApprovalLinkHandlers>();
        services.TryAddSingleton<PendingApprovalsHandler>();
        services.TryAddSingleton<SlackInteractionHandler>();

        services.AddHttpClient<SlackWebApiClient>(SlackApprovalOptions.ConnectorName)
            .ConfigureHttpClient((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptionsMonitor<ApprovalOptions>>().CurrentValue.Slack.ApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                // The pipeline's total timeout bounds a call; HttpClient's own would cut across its retries.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddConnectorHandler(SlackApprovalOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.Slack.RateLimit);
        services.TryAddSingleton<IConnectorProvider<ISlackWebApi>, SlackWebApiProvider>();

        services.AddActivity<ApprovalNotifyActivity>();
        return services;
    }
}
