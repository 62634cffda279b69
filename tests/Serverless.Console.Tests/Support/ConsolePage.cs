using Microsoft.Playwright;

namespace Serverless.Console.Tests.Support;

/// <summary>A console tab: the Playwright page, every script error the page raised, and screenshots for the docs.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> errors = [];

    public ConsolePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record(message.Text);
            }
        };
        page.PageError += (_, error) => Record("page error: " + error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    public async Task GoAsync(string hash)
    {
        await Page.EvaluateAsync("h => { location.hash = h; }", hash);
    }

    /// <summary>Writes docs/images/console/{name}.png when CONSOLE_SCREENSHOTS names that folder (scripts/console-screenshots.sh).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
    }

    private void Record(string text)
    {
        lock (errors)
        {
            errors.Add(text);
        }
    }
}
