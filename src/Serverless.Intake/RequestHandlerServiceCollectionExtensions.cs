using Serverless.Connectors.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Selection;
using Serverless.Intake.Classification;
using Serverless.Intake.Files;
using Serverless.Intake.Intake;
using Serverless.Intake.RequestHandler;
using Serverless.Intake.RequestHandler.Activities;
using Serverless.Runtime.Activities;
using Serverless.Storage.Blobs;
using Serverless.Storage.Dedup;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Intake;

public static class RequestHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the request handler (seed 000): the intake endpoint's services, the six activities of
    /// workflows/request-handler.json, the classification policy, and the settings "RequestHandler",
    /// "RequestHandler:Intake" and "RequestHandler:Classification" (validated at start). Adds the blob store, the
    /// connectors and the table store (the signature replay guard's dedup keys) when the host has not registered them
    /// already (call it after AddStorage/AddConnectors). The host also needs AddWorkflowRuntime.
    /// </summary>
    public static IServiceCollection AddRequestHandler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // AdminRecipients has no default (see RequestHandlerOptionsValidator and NotifyAdminActivity).
        services.AddOptions<RequestHandlerOptions>().Bind(configuration.GetSection(RequestHandlerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName))
            .PostConfigure(o =>
            {
                if (o.AllowedExtensions.Count == 0)
                {
                    o.AllowedExtensions.AddRange(IntakeOptions.DefaultExtensions);
                }
            })
            .ValidateOnStart();
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RequestHandlerOptions>, RequestHandlerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassificationOptions>, ClassificationOptionsValidator>());

        if (!services.Any(d => d.ServiceType == typeof(IBlobStore)))
        {
            services.AddBlobStore(configuration);
        }

        // AddConnectors is not idempotent (each call adds another resilience handler to the typed clients).
        if (!services.Any(d => d.ServiceType == typeof(IConnectorProvider<IHubSpotClient>)))
        {
            services.AddConnectors(configuration);
        }
        services.TryAddSingleton(TimeProvider.System);
        // Files given by URL: every connection goes through FileUrlPolicy (resolve, check every address, connect to the
        // checked addresses), redirects are followed by StoreFilesActivity (each hop checked), and no proxy is used
        // (through a proxy the checked address would be the proxy's, not the file host's).
        services.TryAddSingleton<FileUrlPolicy>();
        services.AddHttpClient(StoreFilesActivity.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<FileUrlPolicy>().CreateHandler());
        services.AddLlmLabelClassifier();

        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<SignatureVerifier>();
        if (!services.Any(d => d.ServiceType == typeof(IDedupKeys)))
        {
            services.AddTableStore(configuration);
        }

        services.TryAddSingleton<SignedRequestReplayGuard>();
        services.TryAddSingleton<FileStager>();
        services.TryAddSingleton<JsonSubmissionReader>();
        services.TryAddSingleton<MultipartSubmissionReader>();
        services.TryAddSingleton<SubmissionValidator>();
        services.TryAddSingleton<IdempotentStarter>();
        services.TryAddSingleton<IntakeHandler>();
        services.TryAddSingleton<FileLinks>();
        services.TryAddSingleton<FileDownloadHandler>();
        services.TryAddSingleton(sp => new IntakeApi(sp.GetRequiredService<IntakeHandler>(), sp.GetRequiredService<FileDownloadHandler>()));
        services.TryAddSingleton<StagingSweeper>();
        services.AddHostedService<StagingSweeperService>();
        services.TryAddSingleton<BuiltInRequestClassifier>();
        services.TryAddSingleton<LlmRequestClassifier>();
        services.TryAddSingleton<RequestClassificationPolicy>();

        services.AddActivity<ClassifyRequestActivity>();
        services.AddActivity<StoreFilesActivity>();
        services.AddActivity<FindOrCreateContactActivity>();
        services.AddActivity<CreateTicketActivity>();
        services.AddActivity<CreateSubtaskActivity>();
        services.AddActivity<NotifyAdminActivity>();
        return services;
    }
}
