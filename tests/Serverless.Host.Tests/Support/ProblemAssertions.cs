using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Host.Tests.Support;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its body.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var body = JsonNode.Parse(text)!.AsObject();
        body["status"]!.GetValue<int>().Should().Be(status);
        body["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return body;
    }

    public static IEnumerable<string> ErrorFields(this JsonObject problem) =>
        problem["errors"] is JsonObject errors ? errors.Select(e => e.Key) : [];

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions())!.AsObject();
    }
}
