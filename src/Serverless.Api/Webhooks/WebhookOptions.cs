namespace Serverless.Api.Webhooks;

/// <summary>Credentials of the webhook triggers (section "Webhooks"). An empty list does not open a hook: a workflow
/// whose trigger asks for apiKey or hmac answers 503 until the matching list is set.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Shortest key or secret accepted at start.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>Accepted X-API-Key values for triggers with <c>"auth": "apiKey"</c> (several, so keys can be rotated).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>HMAC-SHA256 secrets for triggers with <c>"auth": "hmac"</c>; a signature made with any of them is accepted.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>How far X-Signature-Timestamp may be from the server clock, either way.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    internal static string Setting(string name) => $"{SectionName}:{name}";
}
