using Microsoft.Extensions.Options;

namespace Serverless.Connectors.Resilience;

/// <summary>Keeps the numbers inside what Polly accepts, and Retry-After waits inside the backoff cap.</summary>
internal sealed class ConnectorResilienceOptionsValidator : IValidateOptions<ConnectorResilienceOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, ConnectorResilienceOptions o)
    {
        const string s = ConnectorResilienceOptions.SectionName;
        var problems = new List<string>();
        Check(problems, o.AttemptTimeout >= MinTimeout, $"{s}:AttemptTimeout must be at least 10 ms (was {o.AttemptTimeout}).");
        Check(problems, o.TotalTimeout >= o.AttemptTimeout, $"{s}:TotalTimeout must not be shorter than AttemptTimeout.");
        Check(problems, o.MaxRetries is >= 0 and <= 10, $"{s}:MaxRetries must be between 0 and 10 (was {o.MaxRetries}).");
        Check(problems, o.BaseDelay >= TimeSpan.Zero, $"{s}:BaseDelay must not be negative.");
        Check(problems, o.MaxDelay >= o.BaseDelay, $"{s}:MaxDelay must not be shorter than BaseDelay.");
        Check(problems, o.MaxRetryAfter >= TimeSpan.Zero && o.MaxRetryAfter <= o.MaxDelay,
            $"{s}:MaxRetryAfter must be between 0 and MaxDelay ({o.MaxDelay}).");
        Check(problems, o.BreakerFailureRatio is > 0 and <= 1, $"{s}:BreakerFailureRatio must be in (0, 1] (was {o.BreakerFailureRatio}).");
        Check(problems, o.BreakerMinimumThroughput >= 2, $"{s}:BreakerMinimumThroughput must be at least 2.");
        Check(problems, o.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), $"{s}:BreakerSamplingDuration must be at least 500 ms.");
        Check(problems, o.BreakerDuration >= TimeSpan.FromMilliseconds(500), $"{s}:BreakerDuration must be at least 500 ms.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
