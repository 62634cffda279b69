using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.EndToEnd;

/// <summary>Seed 000 through the shipped host composition (Program.cs): the intake webhook, the request-handler
/// workflow, the built-in classifier and the sandbox connectors a fresh checkout runs with.</summary>
public sealed class RequestHandlerThroughHostTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    private readonly HttpClient http = factory.CreateClient();

    [Fact]
    public async Task IntakeRequest_SupportSample_CreatesContactAndTicketInSandboxWithoutSubtask()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "request-handler", "support.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests")
        {
            Content = new StringContent(sample, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", EmbeddedHostFactory.IntakeApiKey);

        using var accepted = await http.SendAsync(request);

        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        var view = await WaitForEndAsync(id);
        view["status"]!.GetValue<string>().Should().Be("Completed", view.ToJsonString());
        var calls = (await http.GetFromJsonAsync<JsonObject>($"/api/sandbox/calls?instanceId={id}"))!["calls"]!.AsArray();
        var operations = calls.Select(c => $"{c!["connector"]}.{c["operation"]}").ToList();
        operations.Should().Contain(o => o.Contains("HubSpot", StringComparison.OrdinalIgnoreCase) && o.Contains("Ticket", StringComparison.OrdinalIgnoreCase));
        operations.Should().NotContain(o => o.Contains("ClickUp", StringComparison.OrdinalIgnoreCase), "a support request gets no modelling subtask");
    }

    [Fact]
    public async Task IntakeRequest_WithoutApiKey_Is401ProblemJson()
    {
        using var response = await http.PostAsync("/api/intake/requests", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private async Task<JsonObject> WaitForEndAsync(string id)
    {
        for (var i = 0; i < 200; i++)
        {
            var view = (await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
            if (view["status"]!.GetValue<string>() is "Completed" or "Failed" or "Terminated")
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Instance {id} did not end.");
    }
}
