using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Interpreter;
using Serverless.Intake;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Hosting;

namespace Serverless.Intake.Tests.Support;

/// <summary>The embedded host's composition for this feature (runtime + AddRequestHandler + MapIntakeApi + the
/// sandbox API) over a temp folder, served in memory. Only workflows/request-handler.json is loaded.</summary>
public sealed class IntakeHost : IAsyncDisposable
{
    public const string ApiKey = "test-intake-key";

    private readonly WebApplication app;

    private IntakeHost(WebApplication app, string folder, HttpClient client)
    {
        this.app = app;
        Folder = folder;
        Client = client;
    }

    public string Folder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public IWorkflowClient Workflows => app.Services.GetRequiredService<IWorkflowClient>();

    public string DatabasePath => Path.Combine(Folder, "runtime", "runtime.db");

    public static async Task<IntakeHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "intake-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var workflows = Path.Combine(folder, "workflows");
        Directory.CreateDirectory(workflows);
        File.Copy(RepositoryPaths.Workflow, Path.Combine(workflows, "request-handler.json"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = Path.Combine(folder, "runtime"),
            ["Runtime:WorkflowsFolder"] = workflows,
            ["Runtime:Durability"] = "Normal",
            ["Runtime:PollInterval"] = "00:00:00.050",
            ["Runtime:Scheduler:Enabled"] = "false",
            ["Storage:DataFolder"] = Path.Combine(folder, "storage"),
            ["Storage:Blobs:Provider"] = "files",
            ["Connectors:Sandbox:DatabasePath"] = Path.Combine(folder, "sandbox-calls.db"),
            ["Connectors:Resilience:BaseDelay"] = "00:00:00.020",
            ["Connectors:Resilience:MaxDelay"] = "00:00:00.100",
            ["Connectors:Resilience:MaxRetryAfter"] = "00:00:00.100",
            ["RequestHandler:Intake:ApiKeys:0"] = ApiKey,
            ["RequestHandler:Classification:ModelPath"] = Path.Combine(RepositoryPaths.Root, "models", "request-classifier.json"),
            ["RequestHandler:PublicBaseUrl"] = "http://intake.test",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddWorkflowRuntime(builder.Configuration).AddRequestHandler(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapIntakeApi();
        app.MapSandboxApi();
        await app.StartAsync();
        var client = app.GetTestClient();
        return new IntakeHost(app, folder, client);
    }

    public HttpRequestMessage Post(JsonNode body, string? apiKey = ApiKey, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests" + query)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        return request;
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<string> SubmitAsync(JsonNode body, string query = "")
    {
        var (response, json) = await SendAsync(Post(body, query: query));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, json?.ToJsonString());
        return json!["instanceId"]!.ToString();
    }

    public async Task<InstanceView> WaitForEndAsync(string instanceId, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        InstanceView? view = null;
        while (DateTime.UtcNow < deadline)
        {
            view = await Workflows.GetAsync(instanceId);
            if (view is { Status: InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated })
            {
                return view;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Instance {instanceId} did not finish; last status {view?.Status}, timeline: {string.Join(", ", view?.Timeline.Select(r => $"{r.Key}={r.Status}") ?? [])}.");
    }

    public Task<IReadOnlyList<SandboxCall>> SandboxCallsAsync(string instanceId) =>
        app.Services.GetRequiredService<ISandboxCallLog>().ListAsync(instanceId, CancellationToken.None);

    public static JsonObject SupportRequest(string objet = "Impossible de me connecter") => new()
    {
        ["source"] = "contact",
        ["objet"] = objet,
        ["description"] = "Bonjour, depuis ce matin je n'arrive plus à me connecter à mon compte, le site indique mot de passe incorrect.",
        ["user_email"] = "marie.durand@example.com",
        ["user_name"] = "Marie Durand",
    };

    public static JsonObject ModellingRequest(string objet = "Modélisation 3D maison individuelle") => new()
    {
        ["source"] = "modelisation",
        ["objet"] = objet,
        ["description"] = "Bonjour, je souhaiterais faire modéliser en 3D ma maison de 120 m2 sur deux niveaux à partir des plans que je joins en PDF.",
        ["user_email"] = "paul.martin@example.com",
        ["user_name"] = "Paul Martin",
        ["fichiers"] = new JsonArray(new JsonObject
        {
            ["name"] = "plans-rdc.pdf",
            ["contentType"] = "application/pdf",
            ["contentBase64"] = Convert.ToBase64String("%PDF-1.4 plans du rez-de-chaussée"u8.ToArray()),
        }),
    };

    public static MultipartFormDataContent Multipart(JsonObject fields, params (string Name, byte[] Content, string ContentType)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is JsonValue)
            {
                content.Add(new StringContent(value.ToString(), Encoding.UTF8), name);
            }
        }

        foreach (var (name, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "fichiers", name);
        }

        return content;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
