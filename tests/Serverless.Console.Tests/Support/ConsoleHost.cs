using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Serverless.Host.Tests.Support;

namespace Serverless.Console.Tests.Support;

/// <summary>One embedded host process (its own data folder and port, the repository's workflows, sandbox
/// connectors) and one headless Debian Chromium shared by the console tests of a collection.</summary>
public class ConsoleHost : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "console-e2e-" + Guid.NewGuid().ToString("N"));
    private HostProcess? host;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api => Host.Http;

    public string BaseUrl => $"http://127.0.0.1:{Host.Port}";

    private HostProcess Host => host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Extra command-line settings of the host (a subclass sets keys, for instance).</summary>
    protected virtual IEnumerable<string> Settings(int port) => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        var port = HostProcess.FreePort();
        host = HostProcess.Start(dataFolder, port, [$"--Approvals:BaseUrl=http://127.0.0.1:{port}", "--Approvals:Language=en", .. Settings(port)]);
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLauncher.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process: the temp folder is cleaned later.
        }
    }

    /// <summary>A new browser tab in English at 1280 x 900 (or the given size) that records every script error.</summary>
    public async Task<ConsolePage> OpenAsync(string hash = "/", int width = 1280, int height = 900, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            BaseURL = BaseUrl,
        });
        var page = await context.NewPageAsync();
        var console = new ConsolePage(context, page);
        await page.GotoAsync("/#" + hash);
        return console;
    }

    public async Task<string> StartAsync(string workflowId, object input)
    {
        using var response = await Api.PostAsJsonAsync($"/api/workflows/{workflowId}/instances", input);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["instanceId"]!.GetValue<string>();
    }

    public async Task<JsonObject> InstanceAsync(string instanceId) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;

    /// <summary>Polls the API until the instance has the status (what the test then checks in the page).</summary>
    public async Task<JsonObject> WaitForStatusAsync(string instanceId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonObject view;
        do
        {
            view = await InstanceAsync(instanceId);
            if (view["status"]?.GetValue<string>() == status)
            {
                return view;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Instance {instanceId} is {view["status"]}, not {status}:\n{view.ToJsonString()}");
    }

    public string HostOutput => Host.Output;
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>
{
    public const string Name = "console";
}
