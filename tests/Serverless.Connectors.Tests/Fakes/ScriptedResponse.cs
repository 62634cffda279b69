namespace Serverless.Connectors.Tests.Fakes;

/// <summary>An answer a fake server gives to the next request instead of its normal behaviour.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (a slow or hung server).</summary>
    public TimeSpan Delay { get; init; }
}
