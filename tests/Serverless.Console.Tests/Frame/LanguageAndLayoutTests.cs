using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Frame;

[Collection(ConsoleCollection.Name)]
public sealed class LanguageAndLayoutTests(ConsoleHost host)
{
    [Fact]
    public async Task EveryText_ExistsInFrenchAndEnglish()
    {
        await using var console = await host.OpenAsync();
        await Assertions.Expect(console.Page.Locator("h1")).ToHaveTextAsync("Overview");

        // The very module the page loaded (under ./v/<version>/): another address would be another, empty, copy.
        var missing = await console.Page.EvaluateAsync<Dictionary<string, string[]>>(
            "async () => (await import(document.querySelector('script[type=module]').src.replace(/app\\.js$/, 'core/i18n.js'))).missingMessages()");
        var keys = await console.Page.EvaluateAsync<int>(
            "async () => (await import(document.querySelector('script[type=module]').src.replace(/app\\.js$/, 'core/i18n.js'))).messageCount()");

        keys.Should().BeGreaterThan(500, "the catalogues of every system are loaded into the module the page uses");

        missing["fr"].Should().BeEmpty("every English text needs its French one");
        missing["en"].Should().BeEmpty("every French text needs its English one");
    }

    [Fact]
    public async Task ChoosingFrench_TranslatesTheFrame_AndIsRemembered()
    {
        await using var console = await host.OpenAsync("/instances");
        var page = console.Page;

        await page.GetByLabel("Language").SelectOptionAsync("fr");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exécutions");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vue d’ensemble" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exécutions");
        (await page.EvaluateAsync<string>("() => document.documentElement.lang")).Should().Be("fr");
        console.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task OnAPhone_TheMenuOpensFromItsButton_AndTablesFitTheScreen()
    {
        await host.WaitForStatusAsync(await host.StartAsync("flaky-import", new { failures = 0 }), "Completed");
        await using var console = await host.OpenAsync("/instances", width: 390, height: 844);
        var page = console.Page;
        var nav = page.Locator("#main-nav");

        await Assertions.Expect(nav).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Workflows");
        await Assertions.Expect(nav).ToBeHiddenAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.Should().BeLessThanOrEqualTo(390, "nothing should make the page scroll sideways on a phone");
        await console.ScreenshotAsync("phone-workflows");
        console.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task TheKeyboardReachesTheNavigation_AndFollowsALink()
    {
        await using var console = await host.OpenAsync();
        var page = console.Page;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Should().Be("Skip to content");
        for (var i = 0; i < 12 && await page.EvaluateAsync<string>("() => document.activeElement.textContent") != "Runs"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Runs");
    }
}
