using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Serverless.Crm.Notifications;

public static class CrmNotificationServiceCollectionExtensions
{
    /// <summary>Live notifications: the "Crm:Notifications" settings (validated at start), the process's
    /// <see cref="INotificationHub"/> and the shared <see cref="CrmNotificationHandlers"/>. AddCrm calls it.</summary>
    public static IServiceCollection AddCrmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(INotificationHub)))
        {
            return services;
        }

        const string Section = CrmNotificationOptions.SectionName;
        services.AddOptions<CrmNotificationOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.HeartbeatSeconds is >= 1 and <= 300, $"Setting '{Section}:HeartbeatSeconds' must be between 1 and 300.")
            .Validate(o => o.ConnectionBuffer is >= 1 and <= 10_000, $"Setting '{Section}:ConnectionBuffer' must be between 1 and 10000.")
            .Validate(o => o.ReplayLimit is >= 1 and <= 1000, $"Setting '{Section}:ReplayLimit' must be between 1 and 1000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<INotificationHub, NotificationHub>();
        services.TryAddSingleton<CrmNotificationHandlers>();
        return services;
    }
}
