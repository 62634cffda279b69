using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Engine.Interpreter;
using Serverless.Intake.Files;
using Serverless.Intake.RequestHandler;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.RequestHandler;

/// <summary>SSRF protection of files given by URL: refused up front at intake (400 naming fichiers[i].url), and at
/// download time on the resolved addresses and on every redirect hop (storeFiles Failed, kind Validation, one attempt).</summary>
public sealed class FileUrlTests
{
    private const string AllowPrivate = "RequestHandler:FileUrls:AllowPrivateNetworks";

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", "private")]
    [InlineData("http://127.0.0.1:8080/files/plan.pdf", "loopback")]
    [InlineData("http://[::1]/plan.pdf", "loopback")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "link-local")]
    [InlineData("http://10.1.2.3/plan.pdf", "private")]
    [InlineData("http://172.20.0.1/plan.pdf", "private")]
    [InlineData("http://192.168.1.1/plan.pdf", "private")]
    [InlineData("http://0.0.0.0/plan.pdf", "unspecified")]
    [InlineData("http://224.0.0.1/plan.pdf", "multicast")]
    [InlineData("http://localhost:7071/api/instances", "loopback")]
    [InlineData("http://files.localhost/plan.pdf", "loopback")]
    [InlineData("ftp://files.example.com/plan.pdf", "http(s)")]
    [InlineData("file:///etc/passwd", "http(s)")]
    public async Task Intake_RefusedUrl_Is400NamingTheField(string url, string reason)
    {
        await using var host = await IntakeHost.StartAsync();

        var (response, body) = await host.SendAsync(host.Post(WithUrl(url)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body!["errors"]!["fichiers[0].url"]![0]!.ToString().Should().Contain(reason);
    }

    [Fact]
    public async Task Intake_PublicUrl_IsAccepted()
    {
        await using var host = await IntakeHost.StartAsync();

        var (response, _) = await host.SendAsync(host.Post(WithUrl("https://files.example.com/plans.pdf")));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Intake_HostNotInTheAllowList_Is400()
    {
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:FileUrls:AllowedHosts:0"] = "*.sharepoint.com" });

        var (refused, body) = await host.SendAsync(host.Post(WithUrl("https://files.example.com/plans.pdf")));
        var (accepted, _) = await host.SendAsync(host.Post(WithUrl("https://figurative.sharepoint.com/plans.pdf")));
        var (suffixAlone, _) = await host.SendAsync(host.Post(WithUrl("https://sharepoint.com/plans.pdf")));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body!["errors"]!["fichiers[0].url"]![0]!.ToString().Should().Contain("RequestHandler:FileUrls:AllowedHosts");
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        suffixAlone.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(AllowPrivate, "true")]
    [InlineData("RequestHandler:FileUrls:AllowedHosts:0", "127.0.0.1")]
    public async Task Download_FromLoopback_WorksWhenConfigured(string setting, string value)
    {
        await using var fake = await FakeCrmServer.StartAsync();
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { [setting] = value });

        var view = await host.WaitForEndAsync(await host.SubmitAsync(WithUrl($"{fake.BaseAddress}/files/plans.pdf")));

        view.Timeline.Single(r => r.StepId == "storeFiles").Status.Should().Be(StepStatus.Completed);
        view.Output!["filesPending"]!.GetValue<bool>().Should().BeFalse();
        File.ReadAllText(Path.Combine(host.Folder, "storage", "blobs", "request-files", "instances", view.InstanceId, "00-plans.pdf")).Should().Be("PDF-FROM-URL");
    }

    [Fact]
    public async Task Download_NameThatResolvesToLoopbackAtConnectTime_IsRefusedNotRetriedAndTheTicketSaysFilesPending()
    {
        // DNS rebinding: the name passes the intake (it is not an address), then resolves to 127.0.0.1 at download.
        await using var fake = await FakeCrmServer.StartAsync();
        var port = new Uri(fake.BaseAddress).Port;
        await using var host = await IntakeHost.StartAsync(configure: s => s.AddSingleton(sp => new FileUrlPolicy(sp.GetRequiredService<IOptionsMonitor<RequestHandlerOptions>>())
        {
            Resolve = (name, _) => Task.FromResult(name == "files.rebind.test" ? [IPAddress.Parse("93.184.215.14"), IPAddress.Loopback] : Array.Empty<IPAddress>()),
        }));

        var view = await host.WaitForEndAsync(await host.SubmitAsync(WithUrl($"http://files.rebind.test:{port}/files/plans.pdf")));

        view.Status.Should().Be(InstanceStatus.Completed, view.Error?.Message);
        var store = view.Timeline.Single(r => r.StepId == "storeFiles");
        store.Status.Should().Be(StepStatus.Failed);
        store.Error!.Kind.Should().Be("Validation");
        store.Error.Message.Should().Contain("files.rebind.test resolves to 127.0.0.1, a loopback address");
        store.Attempts.Should().Be(1, "a refused address is not retried");
        fake.Requests.Should().BeEmpty("every resolved address is checked before connecting, not only the first");
        view.Output!["filesPending"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Download_LocalhostThroughTheRealResolver_IsRefusedAtConnectTime()
    {
        // The handler alone, without the up-front check: "localhost" goes through the system resolver.
        await using var fake = await FakeCrmServer.StartAsync();
        await using var host = await IntakeHost.StartAsync();
        var policy = host.Services.GetRequiredService<FileUrlPolicy>();
        using var client = new HttpClient(policy.CreateHandler());

        var get = () => client.GetAsync(new Uri($"http://localhost:{new Uri(fake.BaseAddress).Port}/files/plans.pdf"));

        var thrown = await get.Should().ThrowAsync<HttpRequestException>();
        FileUrlPolicy.FindRefusal(thrown.Which)!.Message.Should().Contain("localhost resolves to").And.Contain("loopback");
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Download_StartedWithoutTheIntake_IsStillRefused()
    {
        // An instance input built by hand (replay, API start) gets the same check at download time.
        await using var host = await IntakeHost.StartAsync();
        var input = JsonNode.Parse($$"""
            {"source":"modelisation","form_type":"MODELISATION","objet":"Plan","description":"Plan de mon appartement à modéliser en 3D",
             "user_email":"a@example.com","user_name":"A B","file_count":1,
             "fichiers":[{"name":"creds.pdf","url":"http://169.254.169.254/latest/meta-data/iam/security-credentials/"}]}
            """);

        var started = await host.Workflows.StartAsync(new Serverless.Runtime.Abstractions.StartRequest("request-handler", input));
        var view = await host.WaitForEndAsync(started.InstanceId);

        var store = view.Timeline.Single(r => r.StepId == "storeFiles");
        store.Status.Should().Be(StepStatus.Failed);
        store.Error!.Kind.Should().Be("Validation");
        store.Error.Message.Should().Contain("169.254.169.254 is a link-local (cloud metadata) address");
    }

    [Theory]
    [InlineData("http://169.254.169.254")]
    [InlineData("HTTP://169.254.169.254:80/latest/meta-data")]
    [InlineData("http://169.254.169.254/a%2fb")]
    public async Task Download_RefusedWithoutARedirect_SaysWhatWasRefusedNotARedirect(string url)
    {
        // Uri prints these differently from how they were written; the message must not invent a redirect.
        await using var host = await IntakeHost.StartAsync();
        var input = JsonNode.Parse($$"""
            {"source":"modelisation","form_type":"MODELISATION","objet":"Plan","description":"Plan de mon appartement à modéliser en 3D",
             "user_email":"a@example.com","user_name":"A B","file_count":1,"fichiers":[{"name":"creds.pdf","url":"{{url}}"}]}
            """);

        var view = await host.WaitForEndAsync((await host.Workflows.StartAsync(new Serverless.Runtime.Abstractions.StartRequest("request-handler", input))).InstanceId);

        var error = view.Timeline.Single(r => r.StepId == "storeFiles").Error!;
        error.Kind.Should().Be("Validation");
        error.Message.Should().StartWith($"'creds.pdf': {url} was refused: ").And.Contain("link-local").And.NotContain("redirected");
    }

    [Fact]
    public async Task Download_RedirectToAPrivateAddress_IsRefused()
    {
        await using var fake = await FakeCrmServer.StartAsync();
        var port = new Uri(fake.BaseAddress).Port;
        // The fake server itself is allow-listed (exact entry); "*.test" names are allowed but their addresses are
        // still checked, and internal.test resolves to a private address.
        await using var host = await IntakeHost.StartAsync(
            new Dictionary<string, string?> { ["RequestHandler:FileUrls:AllowedHosts:0"] = "127.0.0.1", ["RequestHandler:FileUrls:AllowedHosts:1"] = "*.test" },
            s => s.AddSingleton(sp => new FileUrlPolicy(sp.GetRequiredService<IOptionsMonitor<RequestHandlerOptions>>())
            {
                Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.5") }),
            }));

        var toPrivate = await host.WaitForEndAsync(await host.SubmitAsync(WithUrl(Redirect(fake, $"http://internal.test:{port}/files/plans.pdf"))));
        var toMetadata = await host.WaitForEndAsync(await host.SubmitAsync(WithUrl(Redirect(fake, "http://169.254.169.254/latest/meta-data/"))));
        var toAllowed = await host.WaitForEndAsync(await host.SubmitAsync(WithUrl(Redirect(fake, $"{fake.BaseAddress}/files/plans.pdf"))));

        var store = toPrivate.Timeline.Single(r => r.StepId == "storeFiles");
        store.Status.Should().Be(StepStatus.Failed);
        store.Error!.Kind.Should().Be("Validation");
        store.Error.Message.Should().Contain($"redirected to http://internal.test:{port}/files/plans.pdf").And.Contain("10.0.0.5, a private address");
        var metadata = toMetadata.Timeline.Single(r => r.StepId == "storeFiles");
        metadata.Status.Should().Be(StepStatus.Failed);
        metadata.Error!.Message.Should().Contain("redirected to http://169.254.169.254/latest/meta-data/");
        toAllowed.Timeline.Single(r => r.StepId == "storeFiles").Status.Should().Be(StepStatus.Completed, "redirects to an allowed address are followed");
        fake.Requests.Count(r => r.Path.StartsWith("/files/", StringComparison.Ordinal)).Should().Be(1);
    }

    [Theory]
    [InlineData("8.8.8.8", null)]
    [InlineData("2606:4700:4700::1111", null)]
    [InlineData("100.100.100.200", "shared")]
    [InlineData("192.0.0.192", "reserved")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::", "unspecified")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("255.255.255.255", "reserved")]
    public void Classify_KnownRanges(string address, string? kind)
    {
        var result = FileUrlPolicy.Classify(IPAddress.Parse(address));

        if (kind is null)
        {
            result.Should().BeNull();
        }
        else
        {
            result.Should().Contain(kind);
        }
    }

    private static string Redirect(FakeCrmServer fake, string to) => $"{fake.BaseAddress}/redirect?to={Uri.EscapeDataString(to)}";

    private static JsonObject WithUrl(string url)
    {
        var request = IntakeHost.ModellingRequest("Plan " + Guid.NewGuid().ToString("N")[..6]);
        request["fichiers"] = new JsonArray(new JsonObject { ["name"] = "plans.pdf", ["url"] = url });
        return request;
    }
}
