using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>ClickUp API v2 as documented: raw token in Authorization (no scheme), GET /api/v2/task/{id} with its list,
/// POST /api/v2/list/{list_id}/task with "parent" making a subtask, and errors as {"err": ..., "ECODE": ...}.
/// GET /api/v2/task/{id}?include_subtasks=true adds "subtasks" (the task objects whose parent is that task). The
/// markdown_description sent is kept aside and tasks show it as plain "description" / "text_content" (inline code
/// marks dropped), as ClickUp does when include_markdown_description is not asked for.</summary>
public sealed class FakeClickUpServer : FakeApiServer
{
    public const string Token = "pk_4242424_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    public const string ParentTaskId = "86c7r48ha";
    public const string ListId = "901204567890";

    private int _next;

    public ConcurrentDictionary<string, JsonObject> Tasks { get; } = new();

    /// <summary>The markdown_description each task was created with, by task id.</summary>
    public ConcurrentDictionary<string, string> Markdown { get; } = new();

    /// <summary>List subtasks under include_subtasks=true without their description fields (a slimmer answer), so the
    /// client must read a candidate subtask on its own.</summary>
    public bool SubtasksWithoutDescription { get; set; }

    /// <summary>The subtasks created under a parent, in creation order.</summary>
    public IReadOnlyList<JsonObject> SubtasksOf(string parentId) =>
        [.. Tasks.Values.Where(t => t["parent"]?.GetValue<string>() == parentId).OrderBy(t => t["id"]!.GetValue<string>(), StringComparer.Ordinal)];

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
        app.MapGet("/api/v2/task/{taskId}", (HttpContext c, string taskId) =>
            Authorized(c) ?? GetTask(taskId, c.Request.Query["include_subtasks"] == "true"));
        app.MapPost("/api/v2/list/{listId}/task", (HttpContext c, string listId) => Authorized(c) ?? CreateTask(listId, Body(c)));
    }

    private static IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization == Token ? null : Json(401, Error("Token invalid", "OAUTH_025"));

    private IResult GetTask(string taskId, bool includeSubtasks)
    {
        if (!Tasks.TryGetValue(taskId, out var task))
        {
            return Json(404, Error("Task not found", "ITEM_013"));
        }

        var answer = (JsonObject)task.DeepClone();
        if (includeSubtasks)
        {
            var subtasks = new JsonArray();
            foreach (var subtask in SubtasksOf(taskId))
            {
                var listed = (JsonObject)subtask.DeepClone();
                if (SubtasksWithoutDescription)
                {
                    listed.Remove("description");
                    listed.Remove("text_content");
                }

                subtasks.Add(listed);
            }

            answer["subtasks"] = subtasks;
        }

        return Json(200, answer.ToJsonString());
    }

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
        var markdown = body["markdown_description"]?.GetValue<string>() ?? "";
        Markdown[id] = markdown;
        task["description"] = markdown.Replace("`", "", StringComparison.Ordinal);
        task["text_content"] = task["description"]!.DeepClone();
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
