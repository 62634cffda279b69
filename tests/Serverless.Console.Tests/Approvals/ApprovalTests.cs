using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Approvals;

[Collection(ConsoleCollection.Name)]
public sealed class ApprovalTests(ConsoleHost host)
{
    [Fact]
    public async Task AWaitingApproval_IsListed_AndDecidedThroughTheApproversSignedLink()
    {
        var id = await host.StartAsync("expense-approval", new { label = "Train Paris-Lyon", amount = 120, requester = "Ada" });
        await host.WaitForStatusAsync(id, "Waiting");
        await using var console = await host.OpenAsync("/approvals");
        var page = console.Page;

        var row = page.Locator("tr", new() { HasText = id });
        await Assertions.Expect(row).ToContainTextAsync("Expense Train Paris-Lyon: 120 EUR");
        await Assertions.Expect(row).ToContainTextAsync("managers");
        await console.ScreenshotAsync("approvals");

        await row.GetByRole(AriaRole.Button, new() { Name = "How to decide" }).ClickAsync();
        var approve = row.Locator("a[data-decision=approved]");
        await Assertions.Expect(approve).ToContainTextAsync("manager@example.com");
        var decisionPage = await console.Context.RunAndWaitForPageAsync(() => approve.ClickAsync());
        await decisionPage.WaitForLoadStateAsync();
        await decisionPage.Locator("form button[type=submit], form input[type=submit]").First.ClickAsync();
        await decisionPage.WaitForLoadStateAsync();

        var view = await host.WaitForStatusAsync(id, "Completed");
        view["output"]!["decision"]!.GetValue<string>().Should().StartWith("approve");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = id })).ToHaveCountAsync(0);
        console.Errors.Should().BeEmpty();
    }
}
