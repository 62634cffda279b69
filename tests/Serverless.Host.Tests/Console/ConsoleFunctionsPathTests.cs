using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Host.Tests.Support;
using Serverless.OpsConsole;

namespace Serverless.Host.Tests.Console;

/// <summary>The Functions app serves the console at /api/console/ with the same handler: the folder address without
/// its slash is sent to the slash, so the page's relative addresses (./v/…/app.js) resolve under /api/console/.</summary>
public sealed class ConsoleFunctionsPathTests
{
    private static ConsoleFileHandler Handler()
    {
        var options = Options.Create(new ConsoleOptions { Folder = Path.Combine(RepositoryPaths.Root, "console") });
        return new ConsoleFileHandler(new ConsoleFiles(options), options);
    }

    [Fact]
    public async Task TheFolderWithoutItsSlash_IsRedirectedToIt()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = "/api/console";

        await Handler().Serve(context, null).ExecuteAsync(context);

        context.Response.StatusCode.Should().Be(StatusCodes.Status302Found);
        context.Response.Headers.Location.ToString().Should().Be("/api/console/");
    }

    [Fact]
    public async Task TheFolder_ServesTheIndex_WithRelativeVersionedAddresses()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = "/api/console/";
        context.Response.Body = new MemoryStream();

        await Handler().Serve(context, string.Empty).ExecuteAsync(context);

        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        context.Response.Body.Position = 0;
        var html = await new StreamReader(context.Response.Body).ReadToEndAsync();
        html.Should().MatchRegex("src=\"\\./v/[0-9a-f]{12}/app\\.js\"", "relative to /api/console/, never to the site's root");
    }
}
