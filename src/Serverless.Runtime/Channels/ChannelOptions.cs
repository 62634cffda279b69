namespace Serverless.Runtime.Channels;

/// <summary>Settings of channel messages ("Runtime:Channels").</summary>
public sealed class ChannelOptions
{
    public const string SectionName = "Runtime:Channels";

    /// <summary>A message no workflow consumed within this time goes to the dead letters (seed 003 section 6.4: 24h).</summary>
    public TimeSpan DeadLetterAfter { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
