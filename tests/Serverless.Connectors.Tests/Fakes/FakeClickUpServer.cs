using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>ClickUp API v2 as documented: raw token in Authorization (no scheme), GET /api/v2/task/{id} with its list,
/// POST /api/v2/list/{list_id}/task with "parent" making a subtask, and errors as {"err": ..., "ECODE": ...}.</summary>
public sealed class FakeClickUpServer : FakeApiServer
{
    public const string Token = "pk_4242424_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    public const string ParentTaskId = "86c7r48ha";
    public const string ListId = "901204567890";

    private int _next;

    public ConcurrentDictionary<string, JsonObject> Tasks { get; } = new();

    public static async Task<FakeClickUpServer> StartNewAsync()
    {
        var server = new FakeClickUpServer();
        server.Tasks[ParentTaskId] = Task(ParentTaskId, "Modélisation - demandes entrantes", ListId, null);
        await server.StartAsync();
        return server;
    }

    public static string Error(string err, string code) => new JsonObject { ["err"] = err, ["ECODE"] = code }.ToJsonString();

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v2/task/{taskId}", (HttpContext c, string taskId) => Authorized(c) ?? GetTask(taskId));
        app.MapPost("/api/v2/list/{listId}/task", (HttpContext c, string listId) => Authorized(c) ?? CreateTask(listId, Body(c)));
    }

    private static IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization == Token ? null : Json(401, Error("Token invalid", "OAUTH_025"));

    private IResult GetTask(string taskId) =>
        Tasks.TryGetValue(taskId, out var task) ? Json(200, task.ToJsonString()) : Json(404, Error("Task not found", "ITEM_013"));

    private IResult CreateTask(string listId, JsonNode? body)
    {
        var name = body?["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return Json(400, Error("Task name invalid", "INPUT_005"));
        }

        var parent = body!["parent"]?.GetValue<string>();
        if (parent is not null && (!Tasks.TryGetValue(parent, out var p) || p["list"]!["id"]!.GetValue<string>() != listId))
        {
            return Json(400, Error("Parent task must be in the same list", "ITEM_137"));
        }

        var id = $"86c7t{Interlocked.Increment(ref _next):0000}";
        var task = Task(id, name, listId, parent);
        task["markdown_description"] = body["markdown_description"]?.DeepClone();
        Tasks[id] = task;
        return Json(200, task.ToJsonString());
    }

    private static JsonObject Task(string id, string name, string listId, string? parent) => new()
    {
        ["id"] = id,
        ["custom_id"] = null,
        ["name"] = name,
        ["status"] = new JsonObject { ["status"] = "to do", ["type"] = "open" },
        ["url"] = $"https://app.clickup.com/t/{id}",
        ["list"] = new JsonObject { ["id"] = listId, ["name"] = "Modélisation" },
        ["parent"] = parent,
    };

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", statusCode: status);
}
