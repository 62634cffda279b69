using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Serverless.Api.Security;

public static class ManagementAuthServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ManagementAuth"/> and what it needs: the "Api" options bound and validated at
    /// start (keys, loopback fallback, Api:EntraId), <see cref="EntraTokenValidator"/> and the HttpClient reading the
    /// tenant's metadata. Safe to call from every module that protects routes; the first call registers.</summary>
    public static IServiceCollection AddManagementAuth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(EntraTokenValidator)))
        {
            return services;
        }

        // Bound once (binding a list twice would append its items again), from the container's configuration when it
        // has one: a module's test container may have none, and then gets the defaults.
        services.AddOptions<ApiOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(ApiOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(EntraTokenValidator.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<EntraTokenValidator>();
        services.TryAddSingleton<ManagementAuth>();
        return services;
    }
}
