using System.Text.Json.Nodes;

namespace Serverless.Testing.Llm;

/// <summary>One request to the Azure OpenAI route of <see cref="FakeOpenAIServer"/>, with what Azure reads from it.</summary>
public sealed record FakeAzureChatRequest(string Deployment, string? ApiVersion, string? ApiKey, string? Authorization, JsonNode Body);
