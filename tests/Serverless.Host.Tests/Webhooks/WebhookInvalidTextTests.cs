using Serverless.Host.Tests.Api;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Webhooks;

/// <summary>Issue 11: a hook body that is not valid Unicode is a 400 naming the JSON path, not a 202 whose
/// instance then fails as Transient.</summary>
public sealed class WebhookInvalidTextTests(WebhookHostFactory factory) : IClassFixture<WebhookHostFactory>
{
    private readonly HttpClient http = factory.CreateClient();

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"', (byte)'}' })]
    public async Task Hook_InvalidText_Is400NamingTheJsonPath(byte[] body)
    {
        using var response = await http.PostAsync("/api/hooks/" + WebhookWorkflows.OpenRoute, InvalidTextTests.Json(body));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("$.n");
    }
}
