namespace Serverless.Host.Tests.Webhooks;

/// <summary>Test definitions with webhook triggers, written to the host's workflows folder. Each greets input.name
/// with demo.greet and outputs the greeting plus the whole trigger object, so tests can read both back.</summary>
internal static class WebhookWorkflows
{
    public const string OpenRoute = "open/ping";
    public const string KeyRoute = "crm/contact";
    public const string DefaultAuthRoute = "default/auth";
    public const string SignedRoute = "forms/signed";
    public const string SharedRoute = "shared/route";
    public const string OldRoute = "orders/v1";
    public const string NewRoute = "orders/v2";

    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "hook-open", 1, $$"""{ "type": "webhook", "route": "{{OpenRoute}}", "auth": "none" }""");
        Write(folder, "hook-key", 1, $$"""{ "type": "webhook", "route": "/{{KeyRoute}}/", "auth": "apiKey" }""");
        Write(folder, "hook-default", 1, $$"""{ "type": "webhook", "route": "{{DefaultAuthRoute}}" }""");
        Write(folder, "hook-signed", 1, $$"""{ "type": "webhook", "route": "{{SignedRoute}}", "auth": "hmac" }""");
        Write(folder, "hook-shared-a", 1, $$"""{ "type": "webhook", "route": "{{SharedRoute}}", "auth": "none" }""");
        Write(folder, "hook-shared-b", 1, $$"""{ "type": "webhook", "route": "{{SharedRoute}}", "auth": "none" }""");
        Write(folder, "hook-orders", 1, $$"""{ "type": "webhook", "route": "{{OldRoute}}", "auth": "none" }""");
        Write(folder, "hook-orders", 2, $$"""{ "type": "webhook", "route": "{{NewRoute}}", "auth": "none" }""");
    }

    private static void Write(string folder, string id, int version, string trigger) =>
        File.WriteAllText(Path.Combine(folder, $"{id}.v{version}.json"), $$$"""
            {
              "id": "{{{id}}}",
              "version": {{{version}}},
              "triggers": [ {{{trigger}}} ],
              "steps": [
                { "id": "greet", "type": "activity", "activity": "demo.greet", "input": { "name": "{{input.name}}" } }
              ],
              "output": { "message": "{{steps.greet.output.message}}", "trigger": "{{trigger}}" }
            }
            """);
}
