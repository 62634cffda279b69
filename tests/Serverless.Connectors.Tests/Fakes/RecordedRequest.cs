using System.Text.Json.Nodes;

namespace Serverless.Connectors.Tests.Fakes;

public sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonNode? Body, DateTimeOffset At)
{
    /// <summary>The query string with its leading "?", or empty.</summary>
    public string Query { get; init; } = "";

    public string RawBody { get; init; } = "";
}
