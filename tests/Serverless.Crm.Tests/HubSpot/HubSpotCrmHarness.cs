using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.HubSpot;
using Serverless.Crm.Tests.Data;
using Serverless.Storage.Documents;

using Serverless.Runtime.Hosting;

namespace Serverless.Crm.Tests.HubSpot;

/// <summary>The real registration (AddCrm with Crm:Provider = HubSpot) against <see cref="FakeHubSpotCrmServer"/>,
/// on a SQLite document store, with a sink that records the change events.</summary>
public sealed class HubSpotCrmHarness : IAsyncDisposable
{
    public const string Secret = "hubspot-app-client-secret-for-tests";
    public const string WebhookUrl = "https://automation.example.test/api/v1/crm/hubspot/webhook";

    private readonly CrmFixture fixture = new();
    private readonly ServiceProvider provider;

    private HubSpotCrmHarness(FakeHubSpotCrmServer server)
    {
        Server = server;
        var folder = Path.Combine(Path.GetTempPath(), $"crm-hs-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Provider"] = "HubSpot",
            ["Crm:HubSpot:ClientSecret"] = Secret,
            ["Crm:HubSpot:TagsProperty"] = "crm_tags",
            ["Crm:HubSpot:OrganisationFields:0"] = "montant_potentiel",
            ["Crm:HubSpot:Managers:101"] = "100",
            ["Crm:HubSpot:PollIntervalSeconds"] = "60",
            ["Connectors:HubSpot:BaseAddress"] = server.Url,
            ["Connectors:HubSpot:AccessToken"] = FakeHubSpotCrmServer.Token,
            ["Connectors:HubSpot:PortalId"] = "1234",
            ["Connectors:Resilience:BaseDelay"] = "00:00:00.010",
            ["Connectors:Resilience:MaxDelay"] = "00:00:00.050",
            ["Connectors:Resilience:MaxRetryAfter"] = "00:00:00.050",
            ["Storage:DataFolder"] = folder,
            ["Runtime:DataFolder"] = folder,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowRuntime(configuration);
        services.AddSingleton(fixture.Documents);
        services.AddSingleton<ICrmEventSink>(Sink);
        services.AddCrm(configuration);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeHubSpotCrmServer Server { get; }

    public RecordingSink Sink { get; } = new();

    public ICrmStore Store => provider.GetRequiredService<ICrmStore>();

    public IDocumentStore Documents => fixture.Documents;

    public CrmHubSpotWebhookHandler Webhook => provider.GetRequiredService<CrmHubSpotWebhookHandler>();

    internal HubSpotChangePoller Poller => provider.GetRequiredService<HubSpotChangePoller>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public static async Task<HubSpotCrmHarness> StartAsync() => new(await FakeHubSpotCrmServer.StartNewAsync());

    /// <summary>A webhook request as HubSpot sends it to <see cref="WebhookUrl"/>, signed with <paramref name="secret"/>.</summary>
    public static HttpRequest SignedRequest(string body, string secret = Secret, DateTimeOffset? at = null, string? sentBody = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "POST";
        request.Scheme = "https";
        request.Host = new HostString("automation.example.test");
        request.Path = "/api/" + CrmHubSpotRoutes.Webhook;
        request.ContentType = "application/json";
        request.Headers[HubSpotSignatureV3.TimestampHeader] = timestamp;
        request.Headers[HubSpotSignatureV3.SignatureHeader] = HubSpotSignatureV3.Sign(secret, "POST", WebhookUrl, body, timestamp);
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(sentBody ?? body));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Server.DisposeAsync();
        fixture.Dispose();
    }
}

/// <summary>Records every change event; optionally fails once after recording (a crash before the mirror is written).</summary>
public sealed class RecordingSink : ICrmEventSink
{
    public List<CrmChangeEvent> Events { get; } = [];

    public bool FailNext { get; set; }

    public Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default)
    {
        Events.Add(change);
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("dispatcher unavailable");
        }

        return Task.FromResult(CrmDispatchResult.None);
    }
}
