namespace Serverless.Api.Webhooks;

/// <summary>Route of the webhook triggers, shared by the embedded host and the Azure Functions trigger (which adds the
/// /api prefix itself): POST /api/hooks/{route}, where {route} is the <c>route</c> of a workflow's webhook trigger.</summary>
public static class WebhookRoutes
{
    public const string Hooks = "hooks/{*route}";

    public const string HooksPrefix = ApiRoutes.Prefix + "/hooks";

    /// <summary>A declared or requested route in the form routes are compared in: no leading or trailing slash.</summary>
    public static string Normalize(string? route) => (route ?? "").Trim().Trim('/');
}
