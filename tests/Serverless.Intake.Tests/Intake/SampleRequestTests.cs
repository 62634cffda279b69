using System.Net;
using System.Text.Json.Nodes;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.Intake;

/// <summary>The files in samples/request-handler are what the walkthrough posts: they must stay valid requests.</summary>
public sealed class SampleRequestTests
{
    [Theory]
    [InlineData("support.json")]
    [InlineData("modelling.json")]
    [InlineData("reclassified.json")]
    public async Task Post_SampleJson_IsAccepted(string file)
    {
        await using var host = await IntakeHost.StartAsync();
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "request-handler", file)))!;

        var (response, json) = await host.SendAsync(host.Post(body));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, json?.ToJsonString());
    }

    [Fact]
    public async Task Post_SamePayloadAfterTheIdempotencyWindow_StartsANewInstance()
    {
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:Intake:IdempotencyWindow"] = "00:00:02" });

        var (_, first) = await host.SendAsync(host.Post(IntakeHost.SupportRequest()));
        var (within, again) = await host.SendAsync(host.Post(IntakeHost.SupportRequest()));
        await Task.Delay(2500);
        var (after, later) = await host.SendAsync(host.Post(IntakeHost.SupportRequest()));
        var (withinSecond, third) = await host.SendAsync(host.Post(IntakeHost.SupportRequest()));

        within.StatusCode.Should().Be(HttpStatusCode.OK);
        again!["instanceId"]!.ToString().Should().Be(first!["instanceId"]!.ToString());
        after.StatusCode.Should().Be(HttpStatusCode.Accepted);
        later!["instanceId"]!.ToString().Should().NotBe(first["instanceId"]!.ToString());
        withinSecond.StatusCode.Should().Be(HttpStatusCode.OK);
        third!["instanceId"]!.ToString().Should().Be(later["instanceId"]!.ToString());
    }
}
