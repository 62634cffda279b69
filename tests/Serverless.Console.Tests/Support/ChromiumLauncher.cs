using Microsoft.Playwright;

namespace Serverless.Console.Tests.Support;

/// <summary>Debian's Chromium (apt package chromium, installed by scripts/test.sh), never a downloaded browser. The
/// flags keep it from reaching Google's services, which this machine's closed network refuses.</summary>
internal static class ChromiumLauncher
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var path = Environment.GetEnvironmentVariable("CONSOLE_TESTS_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium not found at {path}: install Debian's package (apt-get install -y chromium), as scripts/test.sh does, or set CONSOLE_TESTS_CHROMIUM.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
