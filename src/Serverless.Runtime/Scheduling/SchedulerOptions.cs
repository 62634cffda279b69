namespace Serverless.Runtime.Scheduling;

/// <summary>Settings of the schedule triggers ("Runtime:Scheduler").</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Runtime:Scheduler";

    public bool Enabled { get; set; } = true;

    /// <summary>Start, once, the latest run missed while the host was down.</summary>
    public bool CatchUpMissedRuns { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
