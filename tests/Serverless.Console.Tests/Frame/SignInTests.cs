using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Frame;

/// <summary>A host with a management key: the console shows only its sign-in form until the API accepts the key.</summary>
public sealed class SignInTests(SignInTests.KeyedHost host) : IClassFixture<SignInTests.KeyedHost>
{
    private const string Key = "console-e2e-key-0123456789abcdef";

    [Fact]
    public async Task WithoutTheKey_NothingButTheSignInForm_ThenTheRightKeyOpensTheConsole()
    {
        await using var console = await host.OpenAsync("/instances");
        var page = console.Page;

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.Locator("#main-nav")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);

        await page.GetByLabel("Management API key").FillAsync("not-the-key-but-long-enough");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-box")).ToContainTextAsync("The API key is not valid.");

        await page.GetByLabel("Management API key").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Runs");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<string?>("() => localStorage.getItem('console.apiKey')")).Should().BeNull("the key stays in this tab's session storage only");
    }

    public sealed class KeyedHost : ConsoleHost
    {
        protected override IEnumerable<string> Settings(int port) => [$"--Api:ApiKeys:0={Key}"];
    }
}
