using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

internal static class TestScope
{
    public static readonly DateTimeOffset Now = new(2025, 10, 18, 10, 30, 0, TimeSpan.Zero);

    /// <summary>A CRM-like context, shaped after the seed's workflow engine (organisation, deal, trigger).</summary>
    public const string CrmJson = """
        {
          "organisation": { "nom": "Société Générale Études", "pipeline_stage": "PROPOSITION", "montant_potentiel": 75000,
                            "tags": ["vip", "paris"], "email": "  Contact@Example.COM ", "manager": null, "active": true,
                            "created_at": "2025-10-01T08:00:00Z", "closing_date": "2025-11-15" },
          "deal": { "montant": "12500.50", "stage": "SIGNE", "items": [ { "name": "audit", "price": 1200 }, { "name": "conseil", "price": 800 } ] },
          "trigger": { "body": { "user_email": "jean@alforis.fr", "input_type": "email", "count": 3 } },
          "headers": { "x-request-id": "abc" },
          "limits": { "min": 50000, "stage": "PROPOSITION" }
        }
        """;

    public static ObjectScope Crm() => From(CrmJson);

    public static ObjectScope From(string json) => new(JsonNode.Parse(json)!.AsObject());

    public static JsonNode? Render(string template) => Templates.Render(template, Crm(), Now);

    public static string? RenderText(string template) => Render(template)?.GetValue<string>();
}
