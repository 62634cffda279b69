namespace Serverless.Connectors.Tests.Fakes;

/// <summary>A clock the test moves by hand. Timers stay real (base CreateTimer), only "now" is fake.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
