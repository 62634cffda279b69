using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Alerts;
using Serverless.Connectors.ClickUp;
using Serverless.Connectors.Email;
using Serverless.Connectors.GoogleSheets;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Resilience;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Slack;
using Serverless.Connectors.Teams;
using Serverless.Connectors.Zoho;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Tables;

namespace Serverless.Connectors.DependencyInjection;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers every connector: options bound from "Connectors:*" and validated at start (a set-but-invalid value
    /// fails naming the setting; empty credentials are valid and mean sandbox), the shared resilience handler on each
    /// typed HttpClient, the sandbox call log, the token alerts, and one <see cref="IConnectorProvider{T}"/> per
    /// connector (IHubSpotClient, IClickUpClient, IEmailSender, ISlackWebhook, IGoogleSheetsClient, ITeamsWebhook,
    /// IZohoDeskClient, IZohoCrmClient), which is what activities inject.
    /// </summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddConnectorCore(configuration);
        services.AddHubSpotConnector(configuration);
        services.AddClickUpConnector(configuration);
        services.AddEmailConnector(configuration);
        services.AddSlackConnector(configuration);
        services.AddGoogleSheetsConnector(configuration);
        services.AddTeamsConnector(configuration);
        services.AddZohoConnector(configuration);
        return services;
    }

    /// <summary>Resilience, rate limiters, alerts and the sandbox call log: what every connector needs. The alert
    /// throttle is shared through the table store (added here when the host has none); the sandbox call log is the
    /// SQLite file Connectors:Sandbox:DatabasePath while Storage:Tables:Provider is sqlite, the table store otherwise.</summary>
    public static IServiceCollection AddConnectorCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ImplementationType == typeof(ConnectorResilienceOptionsValidator)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        if (!services.Any(d => d.ServiceType == typeof(ITableStore)))
        {
            services.AddTableStore(configuration);
        }

        services.AddValidatedOptions<ConnectorResilienceOptions, ConnectorResilienceOptionsValidator>(configuration, ConnectorResilienceOptions.SectionName);
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(configuration, AlertOptions.SectionName);
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName))
            .PostConfigure(o => o.DatabasePath ??= Path.Combine(configuration["Runtime:DataFolder"] ?? ".data", "sandbox-calls.db"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), $"{SandboxOptions.SectionName}:DatabasePath must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton<IConnectorAlerts, ThrottledConnectorAlerts>();
        services.TryAddSingleton<ISandboxCallLog>(sp =>
            // The embedded host keeps the group-commit SQLite log: it is what the intake benchmark measures.
            string.Equals(sp.GetRequiredService<IOptions<TableStoreOptions>>().Value.Provider, StorageServiceCollectionExtensions.SqliteProvider, StringComparison.OrdinalIgnoreCase)
                ? new SqliteSandboxCallLog(sp.GetRequiredService<IOptions<SandboxOptions>>().Value.DatabasePath!)
                : ActivatorUtilities.CreateInstance<TableSandboxCallLog>(sp));
        return services;
    }

    public static IServiceCollection AddHubSpotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<HubSpotOptions, HubSpotOptionsValidator>(configuration, HubSpotOptions.SectionName);
        services.AddHttpClient<HubSpotClient>(HubSpotOptions.ConnectorName)
            .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<IOptions<HubSpotOptions>>().Value.BaseAddress))
            .AddConnectorHandler(HubSpotOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<HubSpotOptions>>().Value.RateLimit);
        services.TryAddSingleton<IConnectorProvider<IHubSpotClient>, HubSpotConnectorProvider>();
        services.TryAddSingleton<IHubSpotCrmClient, HubSpotCrmClient>();
        return services;
    }

    public static IServiceCollection AddClickUpConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<ClickUpOptions, ClickUpOptionsValidator>(configuration, ClickUpOptions.SectionName);
        services.AddHttpClient<ClickUpClient>(ClickUpOptions.ConnectorName)
            .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ClickUpOptions>>().Value.BaseAddress))
            .AddConnectorHandler(ClickUpOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<ClickUpOptions>>().Value.RateLimit);
        services.TryAddSingleton<IConnectorProvider<IClickUpClient>, ClickUpConnectorProvider>();
        return services;
    }

    public static IServiceCollection AddEmailConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(configuration, SmtpOptions.SectionName);
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IConnectorProvider<IEmailSender>, EmailConnectorProvider>();
        return services;
    }

    public static IServiceCollection AddSlackConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<SlackOptions, SlackOptionsValidator>(configuration, SlackOptions.SectionName);
        services.AddHttpClient<SlackWebhookClient>(SlackOptions.ConnectorName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddConnectorHandler(SlackOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.RateLimit);
        services.TryAddSingleton<IConnectorProvider<ISlackWebhook>, SlackConnectorProvider>();
        return services;
    }

    /// <summary>The Sheets API client and, apart from it, the OAuth token endpoint's client (its own pipeline and
    /// circuit, so a failing token endpoint and a failing Sheets API are told apart); one token cache per process.</summary>
    public static IServiceCollection AddGoogleSheetsConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<GoogleSheetsOptions, GoogleSheetsOptionsValidator>(configuration, GoogleSheetsOptions.SectionName);
        services.AddHttpClient<GoogleSheetsClient>(GoogleSheetsOptions.ConnectorName)
            .ConfigureHttpClient((sp, http) => Configure(http, sp.GetRequiredService<IOptions<GoogleSheetsOptions>>().Value.BaseUrl))
            .AddConnectorHandler(GoogleSheetsOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<GoogleSheetsOptions>>().Value.RateLimit);
        services.AddHttpClient(GoogleSheetsOptions.TokenClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddConnectorHandler(GoogleSheetsOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<GoogleSheetsOptions>>().Value.RateLimit);
        services.TryAddSingleton<GoogleAccessTokenSource>();
        services.TryAddSingleton<IConnectorProvider<IGoogleSheetsClient>, GoogleSheetsConnectorProvider>();
        return services;
    }

    public static IServiceCollection AddTeamsConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorCore(configuration);
        services.AddValidatedOptions<TeamsOptions, TeamsOptionsValidator>(configuration, TeamsOptions.SectionName);
        services.AddHttpClient<TeamsWebhookClient>(TeamsOptions.ConnectorName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddConnectorHandler(TeamsOptions.ConnectorName, sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value.RateLimit);
        services.TryAddSingleton<IConnectorProvider<ITeamsWebhook>, TeamsConnectorProvider>();
        return services;
    }

    /// <summary>Puts a typed HttpClient behind the shared resilience policy: a Microsoft.Extensions.Http.Resilience
    /// handler (total and per-attempt timeouts, retries honouring Retry-After, circuit breaker, per-credential rate
    /// limiter) inside a small handler that turns failures into ActivityException kinds and reports 401s. Removes
    /// IHttpClientFactory request logging: its URLs can hold secrets (Slack webhook URLs) and its Information-level
    /// lines would print them. Every connector, in any feature project, uses this; <paramref name="connector"/>
    /// names it in messages and alerts, and should be the HttpClient's name.</summary>
    public static IHttpClientBuilder AddConnectorHandler(this IHttpClientBuilder builder, string connector, Func<IServiceProvider, ConnectorRateLimit> rateLimit)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rateLimit);
        builder.RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new ConnectorFailureHandler(connector, rateLimit(sp),
                sp.GetRequiredService<IConnectorAlerts>(), sp.GetRequiredService<ILogger<ConnectorFailureHandler>>()))
            .AddResilienceHandler("connector", (pipeline, context) =>
                ConnectorResiliencePipeline.Configure(pipeline, context, connector, rateLimit(context.ServiceProvider)));
        return builder;
    }

    /// <summary>The pipeline's TotalTimeout bounds a call; HttpClient's own 100 s timeout would cut across it.</summary>
    internal static void Configure(HttpClient http, string baseAddress)
    {
        http.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    internal static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
