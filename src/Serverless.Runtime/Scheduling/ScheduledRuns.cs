using System.Globalization;

namespace Serverless.Runtime.Scheduling;

/// <summary>Identity of a scheduled run, shared by every runtime (embedded scheduler, Functions timer) so a run
/// is started at most once whichever runtime, or restart, gets to it first.</summary>
public static class ScheduledRuns
{
    public static string InstanceIdFor(string workflowId, DateTimeOffset dueUtc) =>
        $"{workflowId}@{dueUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
