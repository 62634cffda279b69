using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure;

namespace Serverless.Storage.Tests;

/// <summary>Builds stores the way a host does: settings, AddStorage, start-up validation, resolve.</summary>
public static class StoreFactory
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services.AddStorage(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
