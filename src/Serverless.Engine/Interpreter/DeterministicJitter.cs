using System.Text;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Interpreter;

/// <summary>Retry delays with jitter drawn from a hash of the instance id, step and attempt instead of a
/// random source, so replaying an instance computes exactly the same delays.</summary>
internal static class DeterministicJitter
{
    public static TimeSpan RetryDelay(RetryPolicy policy, int failedAttempt, string instanceId, string stepKey)
    {
        var first = Durations.Parse(policy.FirstInterval);
        var max = Durations.Parse(policy.MaxInterval);
        var exponential = first.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, failedAttempt - 1);
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var fraction = UnitInterval($"{instanceId}|{stepKey}|{failedAttempt}");
        var jittered = capped * (1 + (policy.Jitter * ((2 * fraction) - 1)));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 0, max.TotalMilliseconds));
    }

    /// <summary>FNV-1a 64 of the text, mapped to [0, 1).</summary>
    internal static double UnitInterval(string text)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= prime;
        }

        return (hash >> 11) / (double)(1UL << 53);
    }
}
