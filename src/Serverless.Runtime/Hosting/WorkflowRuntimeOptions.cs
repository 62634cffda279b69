using System.ComponentModel.DataAnnotations;

namespace Serverless.Runtime.Hosting;

/// <summary>Settings of the embedded runtime, bound from the "Runtime" section (Runtime__DataFolder etc.).</summary>
public sealed class WorkflowRuntimeOptions
{
    public const string SectionName = "Runtime";

    /// <summary>Folder holding the SQLite file; created when missing.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    [Required]
    public string DatabaseFile { get; set; } = "runtime.db";

    /// <summary>Full fsyncs the WAL on every commit (survives power loss); Normal survives a killed process only.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>Folder of workflow definition JSON files; relative paths are looked up from the current
    /// directory upwards, so the repository's workflows/ folder is found from any project folder.</summary>
    public string WorkflowsFolder { get; set; } = "workflows";

    /// <summary>Activities running at the same time.</summary>
    [Range(1, 1024)]
    public int ActivityWorkers { get; set; } = 16;

    /// <summary>Threads applying events to different instances in parallel within one batch.</summary>
    [Range(1, 64)]
    public int ApplyWorkers { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Most events applied in one SQLite transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Longest wait between two looks at due timers when nothing else wakes the runtime.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Instances whose state stays in memory between events (the SQLite row stays the truth).</summary>
    [Range(0, 10_000_000)]
    public int StateCacheSize { get; set; } = 100_000;
}

public enum SqliteDurability
{
    Normal,
    Full,
}
