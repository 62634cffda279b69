using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Activities;

/// <summary>An activity class registered with <c>AddActivity&lt;T&gt;()</c>.</summary>
public sealed record ActivityRegistration(Type ActivityType);

/// <summary>Finds activities by name. Each run resolves a fresh instance from its own DI scope, so an activity may
/// depend on scoped services.</summary>
public sealed class ActivityRegistry
{
    private readonly IServiceScopeFactory scopes;
    private readonly Dictionary<string, Type> byName;
    private readonly Dictionary<string, IActivity> singletons;

    public ActivityRegistry(IServiceScopeFactory scopes, IEnumerable<ActivityRegistration> registrations, IEnumerable<IActivity> instances)
    {
        this.scopes = scopes;
        byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        using (var scope = scopes.CreateScope())
        {
            foreach (var registration in registrations)
            {
                var activity = (IActivity)scope.ServiceProvider.GetRequiredService(registration.ActivityType);
                if (!byName.TryAdd(activity.Name, registration.ActivityType) && byName[activity.Name] != registration.ActivityType)
                {
                    throw new InvalidOperationException($"Two activities are named '{activity.Name}'.");
                }
            }
        }

        singletons = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in instances)
        {
            if (byName.ContainsKey(activity.Name) || !singletons.TryAdd(activity.Name, activity))
            {
                throw new InvalidOperationException($"Two activities are named '{activity.Name}'.");
            }
        }
    }

    public IReadOnlySet<string> Names => byName.Keys.Concat(singletons.Keys).ToHashSet(StringComparer.Ordinal);

    public bool Contains(string name) => byName.ContainsKey(name) || singletons.ContainsKey(name);

    /// <summary>Runs the named activity; false when no activity has that name.</summary>
    public async Task<(bool Found, System.Text.Json.Nodes.JsonNode? Output)> RunAsync(
        string name, ActivityContext context, CancellationToken cancellationToken)
    {
        if (singletons.TryGetValue(name, out var singleton))
        {
            return (true, await singleton.RunAsync(context, cancellationToken));
        }

        if (!byName.TryGetValue(name, out var type))
        {
            return (false, null);
        }

        await using var scope = scopes.CreateAsyncScope();
        var activity = (IActivity)scope.ServiceProvider.GetRequiredService(type);
        return (true, await activity.RunAsync(context, cancellationToken));
    }
}
