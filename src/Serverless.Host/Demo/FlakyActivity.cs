using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Demo;

/// <summary>demo.flaky: input {"service": "inventory", "failures": 1} fails the first <c>failures</c> times it runs for
/// a step of an instance (kept in memory), then answers {"service", "items"}: a downstream outage that clears, so a
/// run fails, an operator replays it from the failed step (console or POST /api/instances/{id}/replay), and it completes.</summary>
public sealed class FlakyActivity(FlakyActivity.Calls calls) : IActivity
{
    private const int MaxFailures = 10;

    public string Name => DemoActivityNames.Flaky;

    public Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = DemoInput.OptionalString(context.Input, "service") is { Length: > 0 } s ? s : "inventory";
        var failures = Failures(context.Input);
        var call = calls.Counts.AddOrUpdate($"{context.InstanceId}|{context.StepKey}", 1, (_, n) => n + 1);
        if (call <= failures)
        {
            throw new ActivityException(
                ErrorKinds.Transient,
                string.Create(CultureInfo.InvariantCulture, $"The {service} service is unavailable (demo outage, call {call} of the {failures} that fail): replay the run once it is back."));
        }

        JsonNode output = new JsonObject { ["service"] = service, ["items"] = 3, ["calls"] = call };
        return Task.FromResult<JsonNode?>(output);
    }

    private static int Failures(JsonNode? input)
    {
        var text = input is JsonObject o && o["failures"] is JsonValue v ? v.ToJsonString().Trim('"') : null;
        if (text is null)
        {
            return 1;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var failures) || failures < 0 || failures > MaxFailures)
        {
            throw new ActivityException(ErrorKinds.Validation, $"input.failures must be a whole number from 0 to {MaxFailures} (was {text}).");
        }

        return failures;
    }

    /// <summary>How many times each step of each instance called (one per host process: activities are created per call).</summary>
    public sealed class Calls
    {
        public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    }
}
