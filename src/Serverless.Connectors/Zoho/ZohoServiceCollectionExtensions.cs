using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Selection;

namespace Serverless.Connectors.Zoho;

public static class ZohoServiceCollectionExtensions
{
    /// <summary>Zoho Desk and Zoho CRM: the options (validated at start), one typed HttpClient per API and one for the
    /// token endpoint (each with its own resilience pipeline, circuit and per-token rate limiter), one token cache per
    /// process shared by both APIs, <see cref="ZohoSandboxData"/> for the sandbox twins, and the two providers
    /// (IConnectorProvider&lt;IZohoDeskClient&gt;, IConnectorProvider&lt;IZohoCrmClient&gt;). Calling it again adds nothing.</summary>
    public static IServiceCollection AddZohoConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddConnectorCore(configuration);
        if (services.Any(d => d.ServiceType == typeof(ZohoAccessTokenSource)))
        {
            return services;
        }

        services.AddValidatedOptions<ZohoOptions, ZohoOptionsValidator>(configuration, ZohoOptions.SectionName);
        services.AddHttpClient<ZohoDeskClient>(ZohoOptions.DeskClientName)
            .ConfigureHttpClient((sp, http) => ConnectorServiceCollectionExtensions.Configure(http, sp.GetRequiredService<IOptions<ZohoOptions>>().Value.DeskAddress))
            .AddConnectorHandler(ZohoOptions.ConnectorName, RateLimit);

        // The CRM host can come from the token's api_domain, so its requests carry absolute URIs.
        services.AddHttpClient<ZohoCrmClient>(ZohoOptions.CrmClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddConnectorHandler(ZohoOptions.ConnectorName, RateLimit);
        services.AddHttpClient(ZohoOptions.TokenClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddConnectorHandler(ZohoOptions.ConnectorName, RateLimit);
        services.TryAddSingleton<ZohoAccessTokenSource>();
        services.TryAddSingleton<ZohoSandboxData>();
        services.TryAddSingleton<IConnectorProvider<IZohoDeskClient>, ZohoDeskConnectorProvider>();
        services.TryAddSingleton<IConnectorProvider<IZohoCrmClient>, ZohoCrmConnectorProvider>();
        return services;
    }

    private static Resilience.ConnectorRateLimit RateLimit(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ZohoOptions>>().Value.RateLimit;
}
