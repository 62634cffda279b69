using System.Net;
using System.Text.RegularExpressions;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Console;

/// <summary>The embedded host serves the operations console at its root: the index names the current version, files
/// under that version are cached for good, and nothing outside the console's own file types and folder is served.</summary>
public sealed partial class ConsoleFilesTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    [Fact]
    public async Task TheIndex_LoadsEveryModuleUnderItsVersion_WithAStrictPolicy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("the index names the version, so it is checked every time");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        var version = Version().Match(html);
        version.Success.Should().BeTrue(html);
        html.Should().Contain($"<script type=\"module\" src=\"./v/{version.Groups[1].Value}/app.js\">");
        html.Should().Contain($"<link rel=\"modulepreload\" href=\"./v/{version.Groups[1].Value}/core/dom.js\">");
        html.Should().Contain($"href=\"./v/{version.Groups[1].Value}/styles.css\"");
    }

    [Fact]
    public async Task AFileOfTheCurrentVersion_IsCachedForGood_AnotherVersionIsRevalidated()
    {
        using var client = factory.CreateClient();
        var version = Version().Match(await client.GetStringAsync("/")).Groups[1].Value;

        using var current = await client.GetAsync($"/v/{version}/core/dom.js");
        using var older = await client.GetAsync("/v/000000000000/core/dom.js");

        current.StatusCode.Should().Be(HttpStatusCode.OK);
        current.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        current.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        older.StatusCode.Should().Be(HttpStatusCode.OK, "a tab opened before an upgrade still gets its files");
        older.Headers.CacheControl!.NoCache.Should().BeTrue();
        (await older.Content.ReadAsStringAsync()).Should().Be(await current.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/..%2f..%2fServerless.Host.dll")]
    [InlineData("/core/../../appsettings.json")]
    [InlineData("/Serverless.Host.dll")]
    [InlineData("/README.md")]
    [InlineData("/nope.js")]
    [InlineData("/api/nope")]
    public async Task AnythingElse_Is404ProblemJson(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task AWrongContentType_OnAnApiRoute_IsStill415_NotTakenByTheConsole()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/workflows/hello/instances", new StringContent("name=Ada", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task TheApi_StillAnswersBesideTheConsole()
    {
        using var client = factory.CreateClient();

        using var workflows = await client.GetAsync("/api/workflows");

        workflows.StatusCode.Should().Be(HttpStatusCode.OK);
        workflows.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [GeneratedRegex("src=\"\\./v/([0-9a-f]{12})/app\\.js\"")]
    private static partial Regex Version();
}
