using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Runtime;

[Collection(ConsoleCollection.Name)]
public sealed class FailedRunTests(ConsoleHost host)
{
    [Fact]
    public async Task AFailedRun_ShowsItsError_AndReplayingIt_IsWatchedToCompletion()
    {
        var id = await host.StartAsync("flaky-import", new { service = "inventory", failures = 1 });
        await host.WaitForStatusAsync(id, "Failed");
        await using var console = await host.OpenAsync("/instances?status=Failed");
        var page = console.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        var error = page.Locator(".instance-error");
        await Assertions.Expect(error).ToContainTextAsync("Failed at step fetch");
        await Assertions.Expect(error).ToContainTextAsync("The inventory service is unavailable");
        await Assertions.Expect(page.Locator("tr.row-bad")).ToContainTextAsync("fetch");
        await console.ScreenshotAsync("run-failed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay from the failed step" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status-line .badge").First).ToHaveTextAsync("Completed", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".instance-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Purge" })).ToBeVisibleAsync();
        var view = await host.InstanceAsync(id);
        view["status"]!.GetValue<string>().Should().Be("Completed");
        view["output"]!["items"]!.GetValue<int>().Should().Be(3);
        console.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ARunsList_FiltersOnTheServer_ByWorkflowAndStatus()
    {
        var failed = await host.StartAsync("flaky-import", new { service = "billing", failures = 1 });
        var done = await host.StartAsync("flaky-import", new { service = "billing", failures = 0 });
        await host.WaitForStatusAsync(failed, "Failed");
        await host.WaitForStatusAsync(done, "Completed");
        await using var console = await host.OpenAsync("/instances");
        var page = console.Page;

        await page.Locator("select[name=workflowId]").SelectOptionAsync("flaky-import");
        await page.Locator("select[name=status]").SelectOptionAsync("Completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = done })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = failed })).ToHaveCountAsync(0);
        page.Url.Should().Contain("workflowId=flaky-import").And.Contain("status=Completed");
        console.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task AStepOutputHoldingMarkup_IsShownAsText_AndRunsNoScript()
    {
        const string hostile = "<img src=x onerror=\"window.__injected=1\"><script>window.__injected=2</script>";
        var id = await host.StartAsync("hello", new { name = hostile });
        await host.WaitForStatusAsync(id, "Completed");
        await using var console = await host.OpenAsync($"/instances/{id}");
        var page = console.Page;

        await Assertions.Expect(page.Locator("pre.json").Last).ToContainTextAsync("<img src=x onerror=");
        await page.Locator("details summary").First.ClickAsync();

        (await page.EvaluateAsync<bool>("() => window.__injected === undefined")).Should().BeTrue();
        (await page.Locator("main img").CountAsync()).Should().Be(0);
        (await page.Locator("main script").CountAsync()).Should().Be(0);
    }
}
