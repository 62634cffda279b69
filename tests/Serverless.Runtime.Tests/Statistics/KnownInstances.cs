using Serverless.Engine.Interpreter;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Statistics;

/// <summary>Seven instances of two workflows from 2026-03-01 to 2026-03-04 (UTC), plus one just before and one at the
/// end of that range, with the figures worked out by hand in the tests that use them.</summary>
internal static class KnownInstances
{
    public static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<InstanceRow> Rows { get; } =
    [
        Row("a1", "alpha", InstanceStatus.Completed, At(1, 1), 1000),
        Row("a2", "alpha", InstanceStatus.Completed, At(1, 2), 2000),
        Row("a3", "alpha", InstanceStatus.Failed, At(2, 10), 3000) with { Error = new ErrorInfo("Permanent", "Zoho CRM rejected the deal", "push") },
        Row("a4", "alpha", InstanceStatus.Completed, At(2, 11), 4000),
        Row("b1", "beta", InstanceStatus.Terminated, At(2, 12), 5000),
        Row("b2", "beta", InstanceStatus.Running, At(3, 9), null),
        Row("b3", "beta", InstanceStatus.Completed, At(3, 10), 10_000) with { DryRun = true },
        Row("x0", "alpha", InstanceStatus.Completed, From.AddMilliseconds(-1), 50),
        Row("x1", "beta", InstanceStatus.Completed, To, 50),
    ];

    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    private static InstanceRow Row(string id, string workflowId, InstanceStatus status, DateTimeOffset created, long? durationMs) =>
        new(id, workflowId, status, created, durationMs is { } d ? created.AddMilliseconds(d) : null);
}
