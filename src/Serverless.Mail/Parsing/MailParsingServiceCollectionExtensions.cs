using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Mail.Screening;

namespace Serverless.Mail.Parsing;

public static class MailParsingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailParser"/> and <see cref="MessageScreen"/> (singletons) with their settings
    /// "Mail:Parsing" and "Mail:Screening", validated at start-up.
    /// </summary>
    public static IServiceCollection AddMailParsing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailParsingOptions>().Bind(configuration.GetSection(MailParsingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<MailScreeningOptions>().Bind(configuration.GetSection(MailScreeningOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailParsingOptions>, MailParsingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailScreeningOptions>, MailScreeningOptionsValidator>());
        services.TryAddSingleton<EmailParser>();
        services.TryAddSingleton<MessageScreen>();
        return services;
    }
}
