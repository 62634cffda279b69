using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

public static class HubSpotCrmServiceCollectionExtensions
{
    /// <summary>The CRM provider setting (Crm:Provider, BuiltIn by default) and, when it is HubSpot, the HubSpot CRM:
    /// <see cref="ICrmStore"/> replaced by the HubSpot store, the "Crm:HubSpot" settings (validated at start), the
    /// mirror, the change publisher and the poller. The webhook handler and <see cref="HubSpotCrmPoll"/> are always
    /// registered (both hosts route and time them whatever the provider) and do nothing unless it is HubSpot. Call it
    /// after the built-in CRM is registered (AddCrm calls it); a second call adds nothing.</summary>
    public static IServiceCollection AddHubSpotCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(HubSpotCrmPoll)))
        {
            return services;
        }

        // An unknown provider fails here, naming Crm:Provider ("Failed to convert configuration value at 'Crm:Provider'").
        var provider = configuration.GetSection(CrmProviderOptions.SectionName).GetValue<CrmProvider>(nameof(CrmProviderOptions.Provider));
        services.AddOptions<CrmProviderOptions>().Bind(configuration.GetSection(CrmProviderOptions.SectionName)).ValidateOnStart();
        services.AddOptions<HubSpotCrmOptions>().Bind(configuration.GetSection(HubSpotCrmOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubSpotCrmOptions>, HubSpotCrmOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubSpotCrmPoll>();
        services.AddSingleton<CrmHubSpotWebhookHandler>();
        if (provider != CrmProvider.HubSpot)
        {
            return services;
        }

        services.TryAddSingleton<IHubSpotCrmClient, HubSpotCrmClient>();
        services.TryAddSingleton<DocumentCrmStore>();
        services.TryAddSingleton<HubSpotRecordMaps>();
        services.TryAddSingleton<HubSpotMirror>();
        services.TryAddSingleton<HubSpotIdAliases>();
        services.TryAddSingleton<HubSpotChangePublisher>();
        services.TryAddSingleton<HubSpotChangePoller>();
        services.Replace(ServiceDescriptor.Singleton<ICrmStore, HubSpotCrmStore>());
        return services;
    }

    /// <summary>The embedded host's poll loop (<see cref="HubSpotCrmPollService"/>); the Functions app has the
    /// HubSpotCrmPoll timer instead.</summary>
    public static IServiceCollection AddHubSpotCrmPolling(this IServiceCollection services)
    {
        services.AddHostedService<HubSpotCrmPollService>();
        return services;
    }
}
