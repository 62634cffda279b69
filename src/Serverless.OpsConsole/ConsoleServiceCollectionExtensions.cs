using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.OpsConsole;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The operations console's file handler and its settings (group Console), for either host.</summary>
    public static IServiceCollection AddOperationsConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConsoleFiles>();
        services.AddSingleton<ConsoleFileHandler>();
        return services;
    }
}
