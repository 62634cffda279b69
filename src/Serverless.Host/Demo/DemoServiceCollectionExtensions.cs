using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Activities;

namespace Serverless.Host.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the demo activities by name unless Demo:Enabled is false.</summary>
    public static IServiceCollection AddDemoActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        if (configuration.GetValue($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}", defaultValue: true))
        {
            services.AddActivity<GreetActivity>();
            services.AddActivity<WaitActivity>();
            services.AddActivity<RecordActivity>();
            services.AddSingleton<FlakyActivity.Calls>();
            services.AddActivity<FlakyActivity>();
        }

        return services;
    }
}
