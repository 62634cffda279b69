using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.Resilience;

/// <summary>Pulls the human-readable message out of an API error body: HubSpot {"status":"error","message":...},
/// ClickUp {"err":...,"ECODE":...}, Google {"error":{"code","message","status"}}, Workflows {"error":{"code","message"}},
/// OAuth {"error":...,"error_description":...}, Zoho Desk {"errorCode":...,"message":...}, Zoho CRM {"code":...,"message":...},
/// generic {"error":...}, or plain text (Slack webhooks answer "invalid_token").</summary>
internal static class ApiErrorMessage
{
    private const int MaxLength = 500;

    public static string? Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                var error = json["error"] as JsonObject;
                var message = Text(json["message"]) ?? Text(json["err"]) ?? Text(error?["message"]) ?? Text(json["error_description"])
                    ?? Text(json["error"]) ?? Text(json["errors"]?[0]?["message"]);
                if (message is not null)
                {
                    var code = Text(json["ECODE"]) ?? Text(json["category"]) ?? Text(error?["status"]) ?? Text(error?["code"])
                        ?? (json["error_description"] is null ? null : Text(json["error"])) ?? Text(json["errorCode"]) ?? Text(json["code"]);
                    return Trim(code is null ? message : $"{message} [{code}]");
                }
            }
        }
        catch (JsonException)
        {
        }

        return Trim(body.Trim());
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string Trim(string s) => s.Length <= MaxLength ? s : s[..MaxLength] + "…";
}
