using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.ClickUp;

/// <summary>The real ClickUp connector: a typed HttpClient (base address from settings, shared resilience handler).
/// ClickUp takes the token as the raw Authorization header value, without a scheme.</summary>
public sealed class ClickUpClient(HttpClient http, IOptionsMonitor<ClickUpOptions> options, TimeProvider time) : IClickUpClient
{
    private const string Json = "application/json";

    public async Task<ClickUpTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"api/v2/task/{Uri.EscapeDataString(taskId)}", null);
        return ClickUpPayloads.ReadTask(await SendAsync(request, cancellationToken));
    }

    public async Task<ClickUpTask> CreateSubtaskAsync(string parentTaskId, string name, string description, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var guarded = !string.IsNullOrWhiteSpace(idempotencyKey);
        var path = $"api/v2/task/{Uri.EscapeDataString(parentTaskId)}" + (guarded ? "?include_subtasks=true" : "");
        using var read = Request(HttpMethod.Get, path, null);
        var parentNode = await SendAsync(read, cancellationToken);
        var parent = ClickUpPayloads.ReadTask(parentNode);
        if (string.IsNullOrEmpty(parent.ListId))
        {
            throw new ActivityException(ErrorKinds.Permanent, $"ClickUp task {parentTaskId} has no list: cannot add a subtask.");
        }

        if (guarded && await FindMarkedSubtaskAsync(parentNode, name, idempotencyKey!, cancellationToken) is { } existing)
        {
            return Complete(ClickUpPayloads.ReadTask(existing), parent);
        }

        using var request = Request(HttpMethod.Post, $"api/v2/list/{Uri.EscapeDataString(parent.ListId)}/task",
            ClickUpPayloads.Subtask(parent.Id, name, description, idempotencyKey));
        return Complete(ClickUpPayloads.ReadTask(await SendAsync(request, cancellationToken)), parent);
    }

    private static ClickUpTask Complete(ClickUpTask task, ClickUpTask parent) => task with
    {
        ListId = task.ListId.Length > 0 ? task.ListId : parent.ListId,
        ParentId = task.ParentId ?? parent.Id,
    };

    /// <summary>The parent's subtask (from include_subtasks=true) whose description carries the marker of the key. A
    /// subtask listed without any description field is read on its own, but only when its name is the one to create.</summary>
    private async Task<JsonNode?> FindMarkedSubtaskAsync(JsonNode parent, string name, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (parent["subtasks"] is not JsonArray subtasks)
        {
            return null;
        }

        foreach (var subtask in subtasks.OfType<JsonNode>())
        {
            if (ClickUpPayloads.HasDescription(subtask))
            {
                if (ClickUpPayloads.CarriesMarker(subtask, idempotencyKey))
                {
                    return subtask;
                }
            }
            else if (subtask["name"]?.ToString() == name && subtask["id"]?.ToString() is { Length: > 0 } id)
            {
                using var request = Request(HttpMethod.Get, $"api/v2/task/{Uri.EscapeDataString(id)}", null);
                var full = await SendAsync(request, cancellationToken);
                if (ClickUpPayloads.CarriesMarker(full, idempotencyKey))
                {
                    return full;
                }
            }
        }

        return null;
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        await HttpFailures.EnsureSuccessAsync(response, ClickUpOptions.ConnectorName, time, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }

        request.Headers.TryAddWithoutValidation("Authorization", options.CurrentValue.ApiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        return request;
    }
}
