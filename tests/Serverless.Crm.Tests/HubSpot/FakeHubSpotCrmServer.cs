using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Serverless.Crm.Tests.HubSpot;

/// <summary>HubSpot's CRM v3 objects API as documented, on Kestrel (127.0.0.1, a free port): Bearer token; objects
/// GET (properties=, associations= inline {type: {results: [{id, type}]}}), list (limit/after), POST, PATCH, DELETE
/// (archive, 204); search (filterGroups of EQ/NEQ/GT/GTE/LT/LTE filters, sorts, limit, after); v4 default
/// associations (PUT) and their removal (DELETE); owners; 404 and 409 error bodies {status, message,
/// correlationId, category}; and scripted answers (a 429 with Retry-After) for the next requests.</summary>
public sealed class FakeHubSpotCrmServer : IAsyncDisposable
{
    public const string Token = "pat-eu1-crm-test-token";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, FakeObject>> objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string, string, string), bool> links = new();
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> script = new();
    private readonly object clock = new();
    private WebApplication? app;
    private long nextId = 7_000;
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<(string Method, string Path, string Query, JsonNode? Body)> Requests { get; } = new();

    public List<JsonObject> Owners { get; } = [];

    public static async Task<FakeHubSpotCrmServer> StartNewAsync()
    {
        var server = new FakeHubSpotCrmServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers the next requests with these (status, body, Retry-After) before the contract applies.</summary>
    public void Script(int status, string body, string? retryAfter = null) => script.Enqueue((status, body, retryAfter));

    /// <summary>An object written in HubSpot by a person (not through our store).</summary>
    public string Add(string type, Dictionary<string, string?> properties)
    {
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        var at = Tick();
        var o = new FakeObject(id, at);
        Set(o, properties, at);
        Table(type)[id] = o;
        return id;
    }

    /// <summary>A change made in HubSpot by a person.</summary>
    public void Change(string type, string id, Dictionary<string, string?> properties) => Set(Table(type)[id], properties, Tick());

    public void Associate(string fromType, string fromId, string toType, string toId)
    {
        links[(fromType, fromId, toType, toId)] = true;
        links[(toType, toId, fromType, fromId)] = true;
    }

    public string? Property(string type, string id, string name) => Table(type)[id].Properties.GetValueOrDefault(name);

    public bool Archived(string type, string id) => Table(type)[id].Archived;

    private async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var body = text.Length > 0 ? JsonNode.Parse(text) : null;
            context.Items["body"] = body;
            Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", body));
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                await Write(context, 401, Error("Authentication credentials not found.", "INVALID_AUTHENTICATION"));
                return;
            }

            if (script.TryDequeue(out var scripted))
            {
                if (scripted.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = scripted.RetryAfter;
                }

                await Write(context, scripted.Status, scripted.Body);
                return;
            }

            await next(context);
        });
        app.MapGet("/crm/v3/owners", () => Json(200, new JsonObject { ["results"] = new JsonArray([.. Owners.Select(o => (JsonNode)o.DeepClone())]) }));
        app.MapGet("/crm/v3/owners/{id}", (string id) => Owners.FirstOrDefault(o => o["id"]!.GetValue<string>() == id) is { } owner
            ? Json(200, owner.DeepClone())
            : Text(404, Error($"Owner {id} not found", "OBJECT_NOT_FOUND")));
        app.MapGet("/crm/v3/objects/{type}/{id}", (string type, string id, HttpRequest r) =>
            Table(type).TryGetValue(id, out var o) && !o.Archived
                ? Json(200, View(type, o, Names(r.Query["properties"]), Names(r.Query["associations"])))
                : Text(404, Error($"Object not found.  objectId are usually numeric.", "OBJECT_NOT_FOUND")));
        app.MapGet("/crm/v3/objects/{type}", (string type, HttpRequest r) => Page(type,
            Table(type).Values.Where(o => !o.Archived).OrderBy(o => long.Parse(o.Id, CultureInfo.InvariantCulture)).ToList(),
            int.Parse(r.Query["limit"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture), r.Query["after"].FirstOrDefault(),
            Names(r.Query["properties"]), Names(r.Query["associations"])));
        app.MapPost("/crm/v3/objects/{type}", (string type, HttpContext c) => Create(type, (JsonObject)Body(c)!));
        app.MapMethods("/crm/v3/objects/{type}/{id}", ["PATCH"], (string type, string id, HttpContext c) =>
        {
            if (!Table(type).TryGetValue(id, out var o) || o.Archived)
            {
                return Text(404, Error("Object not found.", "OBJECT_NOT_FOUND"));
            }

            Set(o, Properties(Body(c)), Tick());
            return Json(200, View(type, o, [], []));
        });
        app.MapDelete("/crm/v3/objects/{type}/{id}", (string type, string id) =>
        {
            if (!Table(type).TryGetValue(id, out var o) || o.Archived)
            {
                return Text(404, Error("Object not found.", "OBJECT_NOT_FOUND"));
            }

            o.Archived = true;
            return Results.NoContent();
        });
        app.MapPost("/crm/v3/objects/{type}/search", (string type, HttpContext c) => Search(type, Body(c)!));
        app.MapPut("/crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}", (string from, string fromId, string to, string toId) =>
        {
            if (!Table(from).ContainsKey(fromId) || !Table(to).ContainsKey(toId))
            {
                return Text(404, Error("One of the objects does not exist.", "OBJECT_NOT_FOUND"));
            }

            Associate(from, fromId, to, toId);
            return Json(200, new JsonObject
            {
                ["status"] = "COMPLETE",
                ["results"] = new JsonArray(new JsonObject
                {
                    ["from"] = new JsonObject { ["id"] = fromId }, ["to"] = new JsonObject { ["id"] = toId },
                    ["associationSpec"] = new JsonObject { ["associationCategory"] = "HUBSPOT_DEFINED", ["associationTypeId"] = 5 },
                }),
            });
        });
        app.MapDelete("/crm/v4/objects/{from}/{fromId}/associations/{to}/{toId}", (string from, string fromId, string to, string toId) =>
        {
            links.TryRemove((from, fromId, to, toId), out _);
            links.TryRemove((to, toId, from, fromId), out _);
            return Results.NoContent();
        });
        await app.StartAsync();
        Url = app.Urls.First();
    }

    private IResult Create(string type, JsonObject body)
    {
        var properties = Properties(body);
        if (type == "contacts" && properties.GetValueOrDefault("email") is { Length: > 0 } email
            && Table(type).Values.FirstOrDefault(o => o.Properties.GetValueOrDefault("email") == email) is { } existing)
        {
            return Text(409, Error($"Contact already exists. Existing ID: {existing.Id}", "CONFLICT"));
        }

        if (type == "tasks" && string.IsNullOrEmpty(properties.GetValueOrDefault("hs_timestamp")))
        {
            return Text(400, Error("Property values were not valid: hs_timestamp is required", "VALIDATION_ERROR"));
        }

        var id = Add(type, properties);
        return Json(201, View(type, Table(type)[id], [.. properties.Keys], []));
    }

    private IResult Search(string type, JsonNode body)
    {
        var filters = body["filterGroups"]?[0]?["filters"] as JsonArray ?? [];
        var matches = Table(type).Values.Where(o => !o.Archived && filters.All(f => Matches(o, f!))).ToList();
        if (body["sorts"]?[0] is { } sort)
        {
            var property = sort["propertyName"]!.GetValue<string>();
            matches = sort["direction"]?.GetValue<string>() == "DESCENDING"
                ? [.. matches.OrderByDescending(o => Comparable(o.Properties.GetValueOrDefault(property))).ThenByDescending(o => o.Id)]
                : [.. matches.OrderBy(o => Comparable(o.Properties.GetValueOrDefault(property))).ThenBy(o => o.Id, StringComparer.Ordinal)];
        }

        var names = body["properties"] is JsonArray p ? p.Select(n => n!.GetValue<string>()).ToList() : [];
        return Page(type, matches, body["limit"]?.GetValue<int>() ?? 10, body["after"]?.GetValue<string>(), names, []);
    }

    private IResult Page(string type, List<FakeObject> all, int limit, string? after, IReadOnlyList<string> names, IReadOnlyList<string> associations)
    {
        var start = after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(limit).ToList();
        var answer = new JsonObject
        {
            ["total"] = all.Count,
            ["results"] = new JsonArray([.. page.Select(o => (JsonNode)View(type, o, names, associations))]),
        };
        if (start + limit < all.Count)
        {
            answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (start + limit).ToString(CultureInfo.InvariantCulture), ["link"] = "?after=" } };
        }

        return Json(200, answer);
    }

    private static bool Matches(FakeObject o, JsonNode filter)
    {
        var actual = Comparable(o.Properties.GetValueOrDefault(filter["propertyName"]!.GetValue<string>()));
        var wanted = Comparable(filter["value"]?.GetValue<string>());
        var order = string.CompareOrdinal(actual, wanted);
        return filter["operator"]!.GetValue<string>() switch
        {
            "EQ" => order == 0,
            "NEQ" => order != 0,
            "GT" => order > 0,
            "GTE" => order >= 0,
            "LT" => order < 0,
            "LTE" => order <= 0,
            var op => throw new InvalidOperationException($"operator {op} is not faked"),
        };
    }

    /// <summary>Dates (ISO or epoch ms) and numbers compare as zero-padded epoch milliseconds / numbers, like HubSpot.</summary>
    private static string Comparable(string? value) =>
        value is null ? ""
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString("D20", CultureInfo.InvariantCulture)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUnixTimeMilliseconds().ToString("D20", CultureInfo.InvariantCulture)
        : value;

    private JsonObject View(string type, FakeObject o, IReadOnlyList<string> names, IReadOnlyList<string> associations)
    {
        var properties = new JsonObject
        {
            ["hs_object_id"] = o.Id,
            ["createdate"] = o.Properties["createdate"],
            ["hs_lastmodifieddate"] = o.Properties["hs_lastmodifieddate"],
        };
        foreach (var name in names)
        {
            properties[name] = o.Properties.GetValueOrDefault(name);
        }

        var view = new JsonObject
        {
            ["id"] = o.Id,
            ["properties"] = properties,
            ["createdAt"] = o.Properties["createdate"],
            ["updatedAt"] = o.Properties["hs_lastmodifieddate"],
            ["archived"] = o.Archived,
        };
        var linked = new JsonObject();
        foreach (var to in associations)
        {
            var ids = links.Keys.Where(k => k.Item1 == type && k.Item2 == o.Id && k.Item3 == to).Select(k => k.Item4).Order(StringComparer.Ordinal).ToList();
            if (ids.Count > 0)
            {
                linked[to] = new JsonObject
                {
                    ["results"] = new JsonArray([.. ids.Select(i => (JsonNode)new JsonObject { ["id"] = i, ["type"] = $"{type.TrimEnd('s')}_to_{to.TrimEnd('s')}" })]),
                };
            }
        }

        if (linked.Count > 0)
        {
            view["associations"] = linked;
        }

        return view;
    }

    private static Dictionary<string, string?> Properties(JsonNode? body) =>
        body?["properties"] is JsonObject p ? p.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>()) : [];

    private static void Set(FakeObject o, Dictionary<string, string?> properties, DateTimeOffset at)
    {
        foreach (var (name, value) in properties)
        {
            o.Properties[name] = value;
        }

        o.Properties["hs_lastmodifieddate"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private DateTimeOffset Tick()
    {
        lock (clock)
        {
            var real = DateTimeOffset.UtcNow;
            now = real > now ? real : now.AddMilliseconds(1);
            return now;
        }
    }

    private ConcurrentDictionary<string, FakeObject> Table(string type) => objects.GetOrAdd(type, _ => new(StringComparer.Ordinal));

    private static JsonNode? Body(HttpContext context) => context.Items["body"] as JsonNode;

    private static IReadOnlyList<string> Names(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))];

    private static string Error(string message, string category) =>
        new JsonObject { ["status"] = "error", ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = category }.ToJsonString();

    private static IResult Json(int status, JsonNode body) => Text(status, body.ToJsonString());

    private static IResult Text(int status, string body) => Results.Text(body, "application/json", statusCode: status);

    private static Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class FakeObject(string id, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal)
        {
            ["createdate"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };

        public bool Archived { get; set; }
    }
}
