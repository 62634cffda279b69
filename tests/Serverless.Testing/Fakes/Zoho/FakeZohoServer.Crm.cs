using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serverless.Connectors.Zoho;

namespace Serverless.Testing.Fakes.Zoho;

/// <summary>Zoho CRM (/crm/{version}/...): search (criteria as Zoho writes it, page, per_page 1-200,
/// info.more_records; 204 when nothing is found), get by id (204 when there is none) and update (PUT {"data":[fields]},
/// applied to the record; a refused record answers 400 with data[0] {"code","details","message","status":"error"}).
/// Modules are the standard ones (Leads, Contacts, Accounts, Deals, Tasks, Cases) plus any seeded; another answers
/// 400 INVALID_MODULE.</summary>
public sealed partial class FakeZohoServer
{
    private static readonly string[] StandardModules = ["Leads", "Contacts", "Accounts", "Deals", "Tasks", "Cases"];

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Module, string Field), (string Code, string Message)> _refusals = new();

    /// <summary>Seeds a record (it must have an "id"); the fake keeps its own copy.</summary>
    public void AddRecord(string module, JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record["id"]?.ToString() ?? throw new ArgumentException("A Zoho record needs an \"id\".", nameof(record));
        Module(module)[id] = (JsonObject)record.DeepClone();
    }

    /// <summary>A copy of the record as it is now (updates applied), or null.</summary>
    public JsonObject? Record(string module, string id)
    {
        if (!_records.TryGetValue(module, out var records) || !records.TryGetValue(id, out var record))
        {
            return null;
        }

        lock (record)
        {
            return (JsonObject)record.DeepClone();
        }
    }

    /// <summary>Updates of <paramref name="module"/> that set <paramref name="field"/> are refused with this code and
    /// message (as Zoho refuses a value of the wrong type or a locked field).</summary>
    public void RefuseUpdates(string module, string field, string code = "INVALID_DATA", string message = "invalid data") =>
        _refusals[(module, field)] = (code, message);

    private ConcurrentDictionary<string, JsonObject> Module(string module) =>
        _records.GetOrAdd(module, _ => new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal));

    private void MapCrm(WebApplication app)
    {
        app.MapGet("/crm/{version}/{module}/search", (HttpContext c, string module) => CrmCall(c, module, () => Search(module, c.Request.Query)));
        app.MapGet("/crm/{version}/{module}/{id}", (HttpContext c, string module, string id) => CrmCall(c, module, () => Get(module, id)));
        app.MapPut("/crm/{version}/{module}/{id}", (HttpContext c, string module, string id) => CrmCall(c, module, () => Update(module, id, Body(c))));
    }

    private IResult CrmCall(HttpContext context, string module, Func<IResult> handle)
    {
        if (Unauthorized(context, crm: true) is { } refused)
        {
            return refused;
        }

        var version = context.Request.RouteValues["version"]?.ToString() ?? "";
        if (version.Length < 2 || version[0] != 'v' || !version[1..].All(char.IsAsciiDigit))
        {
            return Json(400, CrmError("INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one"));
        }

        return StandardModules.Contains(module, StringComparer.OrdinalIgnoreCase) || _records.ContainsKey(module)
            ? handle()
            : Json(400, CrmError("INVALID_MODULE", "the module name given seems to be invalid"));
    }

    private IResult Search(string module, IQueryCollection query)
    {
        var criteria = query["criteria"].ToString();
        if (criteria.Length == 0)
        {
            return Json(400, CrmError("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", new JsonObject { ["param"] = "criteria" }));
        }

        if (!Number(query, "page", 1, out var page) || page < 1 || !Number(query, "per_page", 200, out var perPage) || perPage is < 1 or > 200)
        {
            return Json(400, CrmError("INVALID_DATA", "invalid data", new JsonObject { ["param"] = "per_page" }));
        }

        ZohoCriteria parsed;
        try
        {
            parsed = ZohoCriteria.Parse(criteria);
        }
        catch (FormatException e)
        {
            return Json(400, CrmError("INVALID_QUERY", "invalid query formed", new JsonObject { ["reason"] = e.Message }));
        }

        var matching = new List<JsonObject>();
        foreach (var record in Module(module).Values)
        {
            lock (record)
            {
                if (parsed.Matches(record))
                {
                    matching.Add((JsonObject)record.DeepClone());
                }
            }
        }

        var sorted = matching.OrderBy(r => r["id"]!.ToString(), StringComparer.Ordinal).ToList();
        var slice = sorted.Skip((page - 1) * perPage).Take(perPage).ToList();
        if (slice.Count == 0)
        {
            return Results.NoContent();
        }

        return Json(200, new JsonObject
        {
            ["data"] = new JsonArray([.. slice]),
            ["info"] = new JsonObject
            {
                ["per_page"] = perPage, ["count"] = slice.Count, ["page"] = page, ["more_records"] = page * perPage < sorted.Count,
            },
        });
    }

    private IResult Get(string module, string id)
    {
        if (!Module(module).TryGetValue(id, out var record))
        {
            return Results.NoContent();
        }

        lock (record)
        {
            return Json(200, new JsonObject { ["data"] = new JsonArray(record.DeepClone()) });
        }
    }

    private IResult Update(string module, string id, string text)
    {
        if (ParseObject(text)?["data"] is not JsonArray { Count: 1 } data || data[0] is not JsonObject fields)
        {
            return Json(400, CrmError("INVALID_DATA", "invalid data", new JsonObject { ["expected_data_type"] = "jsonarray", ["api_name"] = "data" }));
        }

        if (!Module(module).TryGetValue(id, out var record))
        {
            Updates.Enqueue(new FakeZohoUpdate(module, id, (JsonObject)fields.DeepClone(), false));
            return RecordError("INVALID_DATA", "the id given seems to be invalid", "id");
        }

        foreach (var (field, _) in fields)
        {
            if (_refusals.TryGetValue((module, field), out var refusal))
            {
                Updates.Enqueue(new FakeZohoUpdate(module, id, (JsonObject)fields.DeepClone(), false));
                return RecordError(refusal.Code, refusal.Message, field);
            }
        }

        var now = Time(Clock.GetUtcNow()).Replace(".000Z", "+00:00", StringComparison.Ordinal);
        lock (record)
        {
            foreach (var (field, value) in fields)
            {
                record[field] = value?.DeepClone();
            }

            record["Modified_Time"] = now;
        }

        Updates.Enqueue(new FakeZohoUpdate(module, id, (JsonObject)fields.DeepClone(), true));
        return Json(200, new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["code"] = "SUCCESS",
                ["details"] = new JsonObject { ["Modified_Time"] = now, ["id"] = id },
                ["message"] = "record updated",
                ["status"] = "success",
            }),
        });
    }

    private static IResult RecordError(string code, string message, string field) => Json(400, new JsonObject
    {
        ["data"] = new JsonArray(new JsonObject
        {
            ["code"] = code, ["details"] = new JsonObject { ["api_name"] = field }, ["message"] = message, ["status"] = "error",
        }),
    });

    private static bool Number(IQueryCollection query, string name, int fallback, out int value)
    {
        value = fallback;
        var text = query[name].ToString();
        return text.Length == 0 || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
