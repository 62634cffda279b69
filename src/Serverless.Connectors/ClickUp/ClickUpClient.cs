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

    public async Task<ClickUpTask> CreateSubtaskAsync(string parentTaskId, string name, string description, CancellationToken cancellationToken)
    {
        var parent = await GetTaskAsync(parentTaskId, cancellationToken);
        if (string.IsNullOrEmpty(parent.ListId))
        {
            throw new ActivityException(ErrorKinds.Permanent, $"ClickUp task {parentTaskId} has no list: cannot add a subtask.");
        }

        using var request = Request(HttpMethod.Post, $"api/v2/list/{Uri.EscapeDataString(parent.ListId)}/task",
            ClickUpPayloads.Subtask(parent.Id, name, description));
        var created = ClickUpPayloads.ReadTask(await SendAsync(request, cancellationToken));
        return created with
        {
            ListId = created.ListId.Length > 0 ? created.ListId : parent.ListId,
            ParentId = created.ParentId ?? parent.Id,
        };
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
