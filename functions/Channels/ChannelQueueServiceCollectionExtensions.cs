using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Api.DeadLetters;

namespace Serverless.Functions.Channels;

public static class ChannelQueueServiceCollectionExtensions
{
    /// <summary>Emit steps publish to the Azure Storage channel queue ("Channels:Queue", validated at start); its
    /// queue trigger delivers; its poison queue is listed with the dead letters, whose messages replay from there.</summary>
    public static IServiceCollection AddChannelQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelQueueOptions>().Bind(configuration.GetSection(ChannelQueueOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelQueueOptions>, ChannelQueueOptionsValidator>());
        services.TryAddSingleton<ChannelQueue>();
        services.TryAddSingleton<ChannelDelivery>();
        services.TryAddSingleton<FailedInstanceDeadLetterReader>();
        services.AddSingleton<IDeadLetterReader, QueueDeadLetterReader>();
        services.AddSingleton<IDeadMessageReplay, QueueDeadMessageReplay>();
        return services;
    }
}
