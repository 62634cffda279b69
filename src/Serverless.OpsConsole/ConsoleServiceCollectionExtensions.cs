using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.OpsConsole;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The operations console's file handler and its settings (group Console), for either host.</summary>
    public static IServiceCollection AddOperationsConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        // The page may call the Entra ID authority it signs in with (another cloud's login host included).
        if (configuration[$"{ConsoleOptions.SectionName}:{nameof(ConsoleOptions.SignInOrigin)}"] is null
            && Uri.TryCreate(configuration["Api:EntraId:Instance"], UriKind.Absolute, out var instance))
        {
            services.PostConfigure<ConsoleOptions>(o => o.SignInOrigin = instance.GetLeftPart(UriPartial.Authority));
        }
        services.AddSingleton<ConsoleFiles>();
        services.AddSingleton<ConsoleFileHandler>();
        return services;
    }
}
