using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>A Teams Workflows webhook ("When a Teams webhook request is received") as documented: POST JSON to
/// /workflows/{id}/triggers/manual/paths/invoke?api-version=...&amp;sig=..., 202 Accepted with no body when the body is
/// a message with an Adaptive Card attachment; errors as {"error": {"code", "message"}}: 401 for a wrong signature,
/// 404 for an unknown workflow, 400 when the body is not a card message. Legacy connector answers (200 "1", or 200
/// "Webhook message delivery failed with error: ...") are scripted.</summary>
public sealed class FakeTeamsWebhook : FakeApiServer
{
    public const string WorkflowId = "6a8f0b1c2d3e4f5a6b7c8d9e0f1a2b3c";
    public const string Signature = "Zq9xT3kYb2Lm8Pn5Rs1Uv7Wx4Yz6Ab0Cd3Ef5Gh7Ij9";

    public static async Task<FakeTeamsWebhook> StartNewAsync()
    {
        var server = new FakeTeamsWebhook();
        await server.StartAsync();
        return server;
    }

    public string HookUrl(string workflowId = WorkflowId, string signature = Signature) =>
        $"{Url.TrimEnd('/')}/workflows/{workflowId}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={signature}";

    protected override void Map(WebApplication app) =>
        app.MapPost("/workflows/{workflowId}/triggers/manual/paths/invoke", (HttpContext c, string workflowId) =>
            workflowId != WorkflowId ? Error(404, "WorkflowNotFound", $"The workflow '{workflowId}' could not be found.")
            : c.Request.Query["sig"] != Signature ? Error(401, "DirectApiInvalidAuthorizationSignature", "The provided authorization signature is not valid.")
            : !IsCardMessage(Body(c)) ? Error(400, "TriggerInputSchemaMismatch", "The input body for trigger 'manual' of type 'Request' did not match its schema definition.")
            : Results.StatusCode(202));

    private static bool IsCardMessage(JsonNode? body) =>
        body?["type"]?.GetValue<string>() == "message"
        && body["attachments"] is JsonArray { Count: > 0 } attachments
        && attachments.All(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
            && a["content"]?["type"]?.GetValue<string>() == "AdaptiveCard");

    private static IResult Error(int status, string code, string message) => Results.Text(
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", statusCode: status);
}
