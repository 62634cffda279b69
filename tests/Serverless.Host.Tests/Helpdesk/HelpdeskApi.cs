using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The helpdesk routes as the tests call them, and waiting for a batch to finish.</summary>
internal static class HelpdeskApi
{
    public static async Task<JsonObject> RefreshAsync(HttpClient http) => await ReadAsync(await http.PostAsync("/api/v1/helpdesk/refresh", null));

    public static async Task<JsonObject> StatusAsync(HttpClient http) => await ReadAsync(await http.GetAsync("/api/v1/helpdesk/status"));

    public static async Task<string> StartAsync(HttpClient http, string body) =>
        (await ReadAsync(await http.PostAsync("/api/v1/helpdesk/batches", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))))["batch_id"]!.GetValue<string>();

    public static async Task<JsonObject> BatchAsync(HttpClient http, string batchId) =>
        await ReadAsync(await http.GetAsync($"/api/v1/helpdesk/batches/{Uri.EscapeDataString(batchId)}"));

    public static async Task<JsonObject> WaitAsync(HttpClient http, string batchId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var batch = await BatchAsync(http, batchId);
            if (batch["finished"]!.GetValue<bool>())
            {
                return batch;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Batch {batchId} did not finish: {batch.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    public static JsonObject Result(JsonObject batch, string ticketId) =>
        batch["results"]!.AsArray().OfType<JsonObject>().Single(r => r["ticket_id"]!.GetValue<string>() == ticketId);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }
}
