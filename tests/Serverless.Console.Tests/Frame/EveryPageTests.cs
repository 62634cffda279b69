using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Frame;

/// <summary>Every page of every system opens on the demo data without an error, at desktop and phone width (and
/// gives docs/console.md its screenshots when CONSOLE_SCREENSHOTS is set).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EveryPageTests(ConsoleHost host)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "overview" },
        { "/workflows", "workflows" },
        { "/workflows/request-handler", "workflow-diagram" },
        { "/instances", "runs" },
        { "/deadletters", "dead-letters" },
        { "/sandbox", "sandbox" },
        { "/approvals", "approvals-list" },
        { "/crm/workflows", "crm-workflows" },
        { "/crm/templates", "crm-templates-list" },
        { "/mail/tickets", "mail-tickets" },
        { "/mail/statistics", "mail-statistics" },
        { "/helpdesk", "helpdesk" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePage_Opens_WithNoErrorAtDesktopAndPhoneWidth(string hash, string name)
    {
        await host.WaitForStatusAsync(await host.StartAsync("flaky-import", new { failures = 1 }), "Failed");
        foreach (var (width, height, suffix) in new[] { (1280, 900, ""), (390, 844, "-phone") })
        {
            await using var console = await host.OpenAsync(hash, width, height);
            var page = console.Page;

            await Assertions.Expect(page.Locator("main h1")).Not.ToBeEmptyAsync();
            await Assertions.Expect(page.Locator("main .loading")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("main .error-box")).ToHaveCountAsync(0);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            scrollWidth.Should().BeLessThanOrEqualTo(width + 1, $"{hash} should not scroll sideways at {width} px");
            console.Errors.Should().BeEmpty();
            await console.ScreenshotAsync(name + suffix);
        }
    }
}
