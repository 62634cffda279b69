using Serverless.Engine.Definitions;
using Serverless.Runtime.Catalog;

namespace Serverless.Api.Webhooks;

/// <summary>
/// Finds the workflow behind a hook route among the latest version of every workflow. Read from the catalog on each
/// call, because the catalog can change after start (code registrations, new versions moving a route). Routes compare
/// without surrounding slashes and ignoring case, like ASP.NET Core routing. When two workflows claim one route the
/// call is refused with 409 rather than picking one: which workflow a caller starts must never depend on load order.
/// </summary>
internal static class WebhookRouteTable
{
    public static WebhookMatch Resolve(IWorkflowCatalog catalog, string route)
    {
        var wanted = WebhookRoutes.Normalize(route);
        if (wanted.Length == 0)
        {
            return new WebhookMatch([]);
        }

        var claims = catalog.List()
            .SelectMany(d => d.Triggers.OfType<WebhookTrigger>().Select(t => (Definition: d, Trigger: t)))
            .Where(c => string.Equals(WebhookRoutes.Normalize(c.Trigger.Route), wanted, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => (c.Definition.Id, c.Trigger.Auth))
            .ToList();
        return new WebhookMatch(claims);
    }
}

internal sealed record WebhookMatch(IReadOnlyList<(WorkflowDefinition Definition, WebhookTrigger Trigger)> Claims)
{
    public bool Found => Claims.Count == 1;

    public bool Ambiguous => Claims.Count > 1;

    public WorkflowDefinition Definition => Claims[0].Definition;

    public WebhookTrigger Trigger => Claims[0].Trigger;
}
