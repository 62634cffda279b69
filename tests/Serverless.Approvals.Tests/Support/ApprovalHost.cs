using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Interpreter;
using Serverless.Engine.Loading;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Documents;

namespace Serverless.Approvals.Tests.Support;

/// <summary>The approval surfaces on a test server over the real embedded runtime (SQLite), the real document
/// store and the sandbox connectors, with a clock the test moves.</summary>
public sealed partial class ApprovalHost : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-0123456789abcdef-0123456789";
    public const string SlackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly WebApplication app;

    private ApprovalHost(WebApplication app, ManualClock clock, List<JsonNode?> published)
    {
        this.app = app;
        Clock = clock;
        Published = published;
        Http = app.GetTestClient();
    }

    public HttpClient Http { get; }
    public ManualClock Clock { get; }

    /// <summary>Inputs of the step after the gate, in the order it ran.</summary>
    public List<JsonNode?> Published { get; }

    public IWorkflowClient Workflows => app.Services.GetRequiredService<IWorkflowClient>();
    public ISandboxCallLog Sandbox => app.Services.GetRequiredService<ISandboxCallLog>();
    public IDocumentStore Documents => app.Services.GetRequiredService<IDocumentStore>();
    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<ApprovalHost> StartAsync(string folder, string workflowJson, IDictionary<string, string?>? settings = null, ManualClock? clock = null)
    {
        clock ??= new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = folder,
            ["Runtime:WorkflowsFolder"] = Path.Combine(folder, "no-workflows-folder"),
            ["Runtime:Durability"] = "Normal",
            ["Runtime:PollInterval"] = "00:00:00.050",
            ["Runtime:Scheduler:Enabled"] = "false",
            ["Runtime:Retention:Interval"] = "1.00:00:00",
            ["Storage:DataFolder"] = folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Connectors:Sandbox:DatabasePath"] = Path.Combine(folder, "sandbox.db"),
            ["Approvals:SigningKey"] = SigningKey,
            ["Approvals:BaseUrl"] = "https://approvals.example.com",
            ["Approvals:Slack:SigningSecret"] = SlackSigningSecret,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var published = new List<JsonNode?>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddWorkflowRuntime(builder.Configuration);
        builder.Services.AddApprovals(builder.Configuration);
        var loaded = new WorkflowDefinitionLoader().Load(workflowJson, "test");
        loaded.Problems.Should().BeEmpty();
        builder.Services.AddWorkflowDefinition(loaded.Definition!);
        builder.Services.AddActivity("publish", (context, _) =>
        {
            lock (published)
            {
                published.Add(context.Input?.DeepClone());
            }

            return Task.FromResult<JsonNode?>(new JsonObject { ["ok"] = true });
        });
        var app = builder.Build();
        app.MapApprovalsApi();
        await app.StartAsync();
        return new ApprovalHost(app, clock, published);
    }

    public async Task<string> StartGateAsync(bool dryRun = false)
    {
        var started = await Workflows.StartAsync(new StartRequest(GateWorkflows.WorkflowId, GateWorkflows.Input(), DryRun: dryRun));
        await WaitForAsync(started.InstanceId, v => v.Status == InstanceStatus.Waiting);
        return started.InstanceId;
    }

    public async Task<InstanceView> WaitForAsync(string instanceId, Func<InstanceView, bool> until, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        InstanceView? view = null;
        while (DateTime.UtcNow < deadline)
        {
            view = await Workflows.GetAsync(instanceId);
            if (view is not null && until(view))
            {
                return view;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach the expected state; last status {view?.Status}, custom status {view?.CustomStatus?.ToJsonString()}");
    }

    public Task<InstanceView> WaitForEndAsync(string instanceId) =>
        WaitForAsync(instanceId, v => v.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated);

    /// <summary>The sandbox calls of one connector operation, once at least <paramref name="count"/> were recorded.</summary>
    public async Task<IReadOnlyList<SandboxCall>> CallsAsync(string instanceId, string operation, int count, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        IReadOnlyList<SandboxCall> calls = [];
        while (DateTime.UtcNow < deadline)
        {
            calls = (await Sandbox.ListAsync(instanceId, CancellationToken.None)).Where(c => c.Operation == operation).ToList();
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Only {calls.Count} {operation} calls recorded for {instanceId}, expected {count}.");
    }

    public Task<IReadOnlyList<SandboxCall>> EmailsAsync(string instanceId, int count) => CallsAsync(instanceId, "SendAsync", count);

    /// <summary>The decision tokens of an email's plain-text part: approve, reject, request changes.</summary>
    public static IReadOnlyList<string> Tokens(SandboxCall email)
    {
        var text = email.Request["text"]!.GetValue<string>();
        return LinkPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
    }

    public Task<HttpResponseMessage> PostDecisionAsync(string token, string? comment = null, string? formToken = null) =>
        Http.PostAsync($"/api/approvals/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = formToken ?? token,
            ["comment"] = comment ?? "",
        }));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [GeneratedRegex(@"https://approvals\.example\.com/api/approvals/(a1\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
