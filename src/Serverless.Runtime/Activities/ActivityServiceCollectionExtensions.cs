using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Activities;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>Registers an activity class; workflows call it by its <see cref="IActivity.Name"/>.</summary>
    public static IServiceCollection AddActivity<T>(this IServiceCollection services)
        where T : class, IActivity
    {
        services.AddTransient<T>();
        services.AddSingleton(new ActivityRegistration(typeof(T)));
        return services;
    }

    /// <summary>Registers an activity written as a function.</summary>
    public static IServiceCollection AddActivity(
        this IServiceCollection services, string name, Func<ActivityContext, CancellationToken, Task<JsonNode?>> run) =>
        services.AddSingleton<IActivity>(new DelegateActivity(name, run));
}
