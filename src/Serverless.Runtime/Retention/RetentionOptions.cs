using System.ComponentModel.DataAnnotations;

namespace Serverless.Runtime.Retention;

/// <summary>Settings of the purge of finished instances ("Runtime:Retention").</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Runtime:Retention";

    /// <summary>Finished instances older than this many days are purged; 0 keeps everything.</summary>
    [Range(0, 36_500)]
    public int Days { get; set; } = 30;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
