using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>One call of a test activity, as the activity saw it.</summary>
public sealed record ActivityCall(string Activity, string StepKey, int Attempt, string Input)
{
    public override string ToString() => $"{Activity} {StepKey} #{Attempt} {Input}";
}

/// <summary>What the parity suite's test activities did, in one harness: every call, the highest number of
/// concurrent executions per activity, and switches a driver flips (an activity "healed" before a replay).
/// Registered as a singleton in each harness's services.</summary>
public sealed class ActivityRecorder
{
    private readonly Lock gate = new();
    private readonly List<ActivityCall> calls = [];
    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> maxRunning = new(StringComparer.Ordinal);
    private readonly HashSet<string> healed = new(StringComparer.Ordinal);

    public IReadOnlyList<ActivityCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public int MaxConcurrent(string activity)
    {
        lock (gate)
        {
            return maxRunning.GetValueOrDefault(activity);
        }
    }

    public void Heal(string activity)
    {
        lock (gate)
        {
            healed.Add(activity);
        }
    }

    public bool IsHealed(string activity)
    {
        lock (gate)
        {
            return healed.Contains(activity);
        }
    }

    public void Record(string activity, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (gate)
        {
            calls.Add(new ActivityCall(activity, context.StepKey, context.Attempt, context.Input?.ToJsonString() ?? "null"));
        }
    }

    public IDisposable Enter(string activity)
    {
        lock (gate)
        {
            var now = running.GetValueOrDefault(activity) + 1;
            running[activity] = now;
            maxRunning[activity] = Math.Max(maxRunning.GetValueOrDefault(activity), now);
        }

        return new Exit(this, activity);
    }

    private sealed class Exit(ActivityRecorder recorder, string activity) : IDisposable
    {
        public void Dispose()
        {
            lock (recorder.gate)
            {
                recorder.running[activity]--;
            }
        }
    }
}

/// <summary>The test activities every parity scenario may call. Each records its call first.</summary>
public static class TestActivities
{
    public const string Echo = "test.echo";
    public const string Flaky = "test.flaky";
    public const string Slow = "test.slow";
    public const string Fail = "test.fail";
    public const string Track = "test.track";
    public const string Toggle = "test.toggle";

    public static IServiceCollection AddTestActivities(this IServiceCollection services, ActivityRecorder recorder)
    {
        services.AddSingleton(recorder);
        services.AddActivity(Echo, (context, _) =>
        {
            recorder.Record(Echo, context);
            return Task.FromResult<JsonNode?>(new JsonObject { ["echo"] = context.Input?.DeepClone() });
        });
        // Fails Transient on its first input.failures attempts, then answers with the attempt that succeeded.
        services.AddActivity(Flaky, (context, _) =>
        {
            recorder.Record(Flaky, context);
            var failures = context.Input?["failures"]?.GetValue<int>() ?? 0;
            return context.Attempt <= failures
                ? throw new ActivityException("Transient", $"flaky: attempt {context.Attempt} of {failures} planned failures")
                : Task.FromResult<JsonNode?>(new JsonObject { ["succeededOnAttempt"] = context.Attempt });
        });
        services.AddActivity(Slow, async (context, cancellationToken) =>
        {
            recorder.Record(Slow, context);
            await Task.Delay(context.Input?["ms"]?.GetValue<int>() ?? 3000, cancellationToken);
            return new JsonObject { ["slow"] = "done" };
        });
        services.AddActivity(Fail, (context, _) =>
        {
            recorder.Record(Fail, context);
            throw new ActivityException(context.Input?["kind"]?.GetValue<string>() ?? "Permanent", context.Input?["message"]?.GetValue<string>() ?? "planned failure");
        });
        // Holds a slot for input.ms, so the recorder sees how many ran at once.
        services.AddActivity(Track, async (context, cancellationToken) =>
        {
            recorder.Record(Track, context);
            using (recorder.Enter(Track))
            {
                await Task.Delay(context.Input?["ms"]?.GetValue<int>() ?? 200, cancellationToken);
            }

            return new JsonObject { ["item"] = context.Input?["item"]?.DeepClone() };
        });
        // Fails Permanent until a driver heals it (replay scenario).
        services.AddActivity(Toggle, (context, _) =>
        {
            recorder.Record(Toggle, context);
            return recorder.IsHealed(Toggle)
                ? Task.FromResult<JsonNode?>(new JsonObject { ["healed"] = true })
                : throw new ActivityException("Permanent", "toggle is off");
        });
        return services;
    }
}
