using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Serverless.Bench.ConsolePage;

/// <summary>The runs page in headless Chromium (Debian's, never a downloaded one): each run opens a new tab of one
/// warm browser context on #/instances and waits for the first table row. Two clocks: performance.now() in the
/// page when a MutationObserver first sees a row of the loaded table (from the tab's navigation start), and a
/// Stopwatch around GotoAsync + WaitForSelectorAsync in this process.</summary>
internal sealed class PageBenchmark(Uri baseAddress, BenchOptions options)
{
    public const string RowSelector = ".results[data-loaded=\"true\"] tbody tr";

    private const string FirstRowProbe = """
        (() => {
          const selector = '.results[data-loaded="true"] tbody tr';
          new MutationObserver((_, observer) => {
            if (window.__firstRowAt === undefined && document.querySelector(selector)) {
              window.__firstRowAt = performance.now();
              requestAnimationFrame(() => { window.__firstRowFrameAt = performance.now(); });
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
        })();
        """;

    private const string ResourceTimes = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const all = performance.getEntriesByType('resource').map(r => ({ name: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime, end: r.responseEnd }));
          return { document: nav.responseEnd, all };
        }
        """;

    public List<string> Failures { get; } = [];

    /// <summary>Where the time of the last run went, from the page's Resource Timing entries.</summary>
    public List<string> Breakdowns { get; } = [];

    public async Task<List<Timings>> RunAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await context.AddInitScriptAsync(FirstRowProbe);
        Console.WriteLine($"chromium           {browser.Version} ({options.Chromium}), Playwright driver started");
        var rows = new List<Timings>();
        rows.AddRange(await CaseAsync(context, "#/instances", "tbody tr", "first page"));
        rows.AddRange(await CaseAsync(context, "#/instances?status=Failed", "tbody tr.row-bad", "status=Failed"));
        return rows;
    }

    private async Task<Timings[]> CaseAsync(IBrowserContext context, string route, string expectedRows, string name)
    {
        var dom = new Timings($"{name}: first row in the DOM (performance.now)");
        var frame = new Timings($"{name}: next animation frame (performance.now)");
        var outside = new Timings($"{name}: goto + wait (Stopwatch)");
        var url = new Uri(baseAddress, "/" + route).ToString();
        for (var run = 0; run < options.Warmup + options.Runs; run++)
        {
            var page = await context.NewPageAsync();
            try
            {
                var clock = Stopwatch.StartNew();
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                await page.WaitForSelectorAsync(RowSelector, new PageWaitForSelectorOptions { Timeout = 30_000 });
                clock.Stop();
                await page.WaitForFunctionAsync("() => window.__firstRowFrameAt !== undefined");
                var inDom = await page.EvaluateAsync<double>("() => window.__firstRowAt");
                var inFrame = await page.EvaluateAsync<double>("() => window.__firstRowFrameAt");
                if (run == 0)
                {
                    var count = await page.Locator(".results " + expectedRows).CountAsync();
                    dom.Note = $"{count} rows";
                    if (count != ApiBenchmark.PageSize)
                    {
                        Failures.Add($"{route}: {count} rows matching '{expectedRows}', expected {ApiBenchmark.PageSize}");
                    }
                }

                if (run == options.Warmup + options.Runs - 1)
                {
                    Breakdowns.Add($"{name}: {await BreakdownAsync(page, inDom)}");
                }

                if (run >= options.Warmup)
                {
                    dom.Add(inDom);
                    frame.Add(inFrame);
                    outside.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            catch (TimeoutException ex)
            {
                Failures.Add($"{route}: no table row within 30 s ({ex.Message}); page text: {Cut(await page.InnerTextAsync("body"))}");
                return [dom, frame, outside];
            }
            finally
            {
                await page.CloseAsync();
            }
        }

        return [dom, frame, outside];
    }

    private static async Task<string> BreakdownAsync(IPage page, double firstRow)
    {
        var json = await page.EvaluateAsync<JsonElement>(ResourceTimes);
        var all = json.GetProperty("all").EnumerateArray()
            .Select(r => new ResourceTime(r.GetProperty("name").GetString()!, r.GetProperty("start").GetDouble(), r.GetProperty("end").GetDouble())).ToList();
        var files = all.Where(r => !r.Name.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var calls = all.Where(r => r.Name.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name.Split('?')[0]} {r.Start:0}-{r.End:0}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"document {json.GetProperty("document").GetDouble():0} ms; {files.Count} script/style files done at {(files.Count == 0 ? 0 : files.Max(f => f.End)):0}; {string.Join("; ", calls)}; first row {firstRow:0}");
    }

    private sealed record ResourceTime(string Name, double Start, double End);

    private static string Cut(string text)
    {
        text = text.ReplaceLineEndings(" | ");
        return text.Length <= 300 ? text : text[..300];
    }
}
