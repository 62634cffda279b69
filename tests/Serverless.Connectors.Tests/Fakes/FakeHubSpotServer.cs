using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>HubSpot CRM v3 as documented: Bearer private-app token, contacts search (filterGroups, email EQ), contact
/// create (409 "Contact already exists. Existing ID: n"), ticket create with associations (HUBSPOT_DEFINED, type 16
/// ticket -> contact), tickets search (filterGroups, any property EQ), and the documented error body
/// {status, message, correlationId, category}.</summary>
public sealed class FakeHubSpotServer : FakeApiServer
{
    public const string Token = "pat-eu1-11111111-2222-3333-4444-555555555555";

    private long _nextId = 51_000;

    public ConcurrentDictionary<string, JsonObject> Contacts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<JsonNode> Tickets { get; } = new();

    /// <summary>The tickets created, by id, as HubSpot stores them (id, properties, createdAt).</summary>
    public ConcurrentDictionary<string, JsonObject> CreatedTickets { get; } = new();

    public static async Task<FakeHubSpotServer> StartNewAsync()
    {
        var server = new FakeHubSpotServer();
        await server.StartAsync();
        return server;
    }

    public string AddContact(string email, string firstName, string lastName)
    {
        var id = NextId();
        Contacts[email] = Contact(id, email, firstName, lastName);
        return id;
    }

    public static string Error(string message, string category) =>
        new JsonObject { ["status"] = "error", ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = category }.ToJsonString();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/crm/v3/objects/contacts/search", (HttpContext c) => Authorized(c) ?? Search(Body(c)));
        app.MapPost("/crm/v3/objects/tickets/search", (HttpContext c) => Authorized(c) ?? SearchTickets(Body(c)));
        app.MapPost("/crm/v3/objects/contacts", (HttpContext c) => Authorized(c) ?? CreateContact(Body(c)));
        app.MapPost("/crm/v3/objects/tickets", (HttpContext c) => Authorized(c) ?? CreateTicket(Body(c)));
    }

    private static IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization == $"Bearer {Token}"
            ? null
            : Json(401, Error("Authentication credentials not found. This API supports OAuth 2.0 authentication.", "INVALID_AUTHENTICATION"));

    private IResult Search(JsonNode? body)
    {
        var filter = body?["filterGroups"]?[0]?["filters"]?[0];
        if (filter?["propertyName"]?.GetValue<string>() != "email" || filter["operator"]?.GetValue<string>() != "EQ")
        {
            return Json(400, Error("Invalid input JSON: expected filterGroups[].filters[] with propertyName/operator/value", "VALIDATION_ERROR"));
        }

        var email = filter["value"]?.GetValue<string>() ?? "";
        var results = new JsonArray();
        if (Contacts.TryGetValue(email, out var contact))
        {
            results.Add(contact.DeepClone());
        }

        return Json(200, new JsonObject { ["total"] = results.Count, ["results"] = results }.ToJsonString());
    }

    private IResult SearchTickets(JsonNode? body)
    {
        var filter = body?["filterGroups"]?[0]?["filters"]?[0];
        var property = filter?["propertyName"]?.GetValue<string>();
        if (string.IsNullOrEmpty(property) || filter!["operator"]?.GetValue<string>() != "EQ")
        {
            return Json(400, Error("Invalid input JSON: expected filterGroups[].filters[] with propertyName/operator/value", "VALIDATION_ERROR"));
        }

        var value = filter["value"]?.GetValue<string>();
        var limit = body!["limit"]?.GetValue<int>() ?? 10;
        var requested = body["properties"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToList() : [];
        var matches = CreatedTickets.Values
            .Where(t => t["properties"]?[property]?.GetValue<string>() == value)
            .OrderBy(t => long.Parse(t["id"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToList();
        var results = new JsonArray();
        foreach (var ticket in matches.Take(limit))
        {
            var properties = new JsonObject { ["hs_object_id"] = ticket["id"]!.DeepClone(), ["createdate"] = ticket["createdAt"]!.DeepClone() };
            foreach (var name in requested)
            {
                properties[name] = ticket["properties"]?[name]?.DeepClone();
            }

            results.Add(new JsonObject
            {
                ["id"] = ticket["id"]!.DeepClone(),
                ["properties"] = properties,
                ["createdAt"] = ticket["createdAt"]!.DeepClone(),
                ["updatedAt"] = ticket["createdAt"]!.DeepClone(),
                ["archived"] = false,
            });
        }

        return Json(200, new JsonObject { ["total"] = matches.Count, ["results"] = results }.ToJsonString());
    }

    private IResult CreateContact(JsonNode? body)
    {
        var properties = body?["properties"];
        var email = properties?["email"]?.GetValue<string>();
        if (string.IsNullOrEmpty(email))
        {
            return Json(400, Error("Property values were not valid: email is required", "VALIDATION_ERROR"));
        }

        if (Contacts.TryGetValue(email, out var existing))
        {
            return Json(409, Error($"Contact already exists. Existing ID: {existing["id"]}", "CONFLICT"));
        }

        var contact = Contact(NextId(), email, properties?["firstname"]?.GetValue<string>(), properties?["lastname"]?.GetValue<string>());
        Contacts[email] = contact;
        return Json(201, contact.ToJsonString());
    }

    private IResult CreateTicket(JsonNode? body)
    {
        var properties = body?["properties"];
        if (string.IsNullOrEmpty(properties?["subject"]?.GetValue<string>()) || string.IsNullOrEmpty(properties["hs_pipeline_stage"]?.GetValue<string>()))
        {
            return Json(400, Error("Property values were not valid: subject and hs_pipeline_stage are required", "VALIDATION_ERROR"));
        }

        var association = body?["associations"]?[0];
        var type = association?["types"]?[0];
        var contactId = association?["to"]?["id"]?.GetValue<string>();
        if (type?["associationCategory"]?.GetValue<string>() != "HUBSPOT_DEFINED" || type["associationTypeId"]?.GetValue<int>() != 16
            || !Contacts.Values.Any(c => c["id"]!.GetValue<string>() == contactId))
        {
            return Json(400, Error("Invalid association: expected HUBSPOT_DEFINED 16 to an existing contact", "VALIDATION_ERROR"));
        }

        Tickets.Enqueue(body!.DeepClone());
        var ticket = new JsonObject
        {
            ["id"] = NextId(),
            ["properties"] = properties.DeepClone(),
            ["createdAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["archived"] = false,
        };
        CreatedTickets[ticket["id"]!.GetValue<string>()] = (JsonObject)ticket.DeepClone();
        return Json(201, ticket.ToJsonString());
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Contact(string id, string email, string? firstName, string? lastName) => new()
    {
        ["id"] = id,
        ["properties"] = new JsonObject { ["email"] = email, ["firstname"] = firstName, ["lastname"] = lastName, ["hs_object_id"] = id },
        ["archived"] = false,
    };

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", statusCode: status);
}
