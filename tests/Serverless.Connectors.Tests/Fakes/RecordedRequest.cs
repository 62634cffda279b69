using System.Text.Json.Nodes;

namespace Serverless.Connectors.Tests.Fakes;

public sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonNode? Body, DateTimeOffset At);
