using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Definitions;

/// <summary>Runs a registered activity (a C# class looked up by name) with a templated input.</summary>
public sealed record ActivityStep : Step
{
    public required string Activity { get; init; }

    /// <summary>Any JSON; every string in it is a template rendered against the instance context.</summary>
    public JsonNode? Input { get; init; }

    public RetryPolicy? Retry { get; init; }

    /// <summary>Duration ("30s", "5m", "PT1H") after which one attempt counts as failed with kind Timeout.</summary>
    public string? Timeout { get; init; }

    public string OnError { get; init; } = OnErrorPolicies.Fail;

    /// <summary>The step output when <see cref="OnError"/> is "fallback" and every attempt failed.</summary>
    public JsonNode? Fallback { get; init; }

    [JsonIgnore]
    public override string Type => StepTypes.Activity;
}

public static class OnErrorPolicies
{
    public const string Fail = "fail";
    public const string Continue = "continue";
    public const string Fallback = "fallback";
    public static readonly IReadOnlyList<string> All = [Fail, Continue, Fallback];
}

/// <summary>Durable retry: each new attempt waits on a timer, so retries survive restarts.</summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 3;
    public string FirstInterval { get; init; } = "1s";
    public double BackoffCoefficient { get; init; } = 2.0;
    public string MaxInterval { get; init; } = "5m";

    /// <summary>Fraction (0..1) by which each delay may vary, drawn deterministically from the instance id.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Error kinds that are retried; other kinds fail at once.</summary>
    public IReadOnlyList<string> RetryOn { get; init; } = ErrorKinds.RetriableByDefault;
}

/// <summary>The kinds of error an activity reports; activities choose the kind, retry policies select on it.</summary>
public static class ErrorKinds
{
    public const string Transient = "Transient";
    public const string Timeout = "Timeout";
    public const string RateLimited = "RateLimited";
    public const string Unauthorized = "Unauthorized";
    public const string NotFound = "NotFound";
    public const string Conflict = "Conflict";
    public const string Validation = "Validation";
    public const string Permanent = "Permanent";
    public const string Expression = "Expression";
    public const string ChildFailed = "ChildFailed";
    public const string Terminated = "Terminated";

    public static readonly IReadOnlyList<string> RetriableByDefault = [Transient, Timeout, RateLimited];

    public static readonly IReadOnlyList<string> All =
        [Transient, Timeout, RateLimited, Unauthorized, NotFound, Conflict, Validation, Permanent, Expression, ChildFailed, Terminated];
}
