using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Helpdesk;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Demo;
using Serverless.Helpdesk.Queue;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Azure;
using Serverless.Testing.Fakes.Zoho;

// Tickets per second through the whole helpdesk-ticket workflow (read the ticket and threads, find the deal and its
// exam dates and sessions, read the exam-portal file, detect intents, triage, draft / CRM update / note / move,
// record) with --delay 0, on the embedded runtime as it ships (SQLite, WAL, synchronous=FULL), against the fake
// Zoho server over HTTP through the real Zoho clients (OAuth token, shared resilience pipeline, rate limiter).
var tickets = Arg("--tickets", 500);
var warmup = Arg("--warmup", 24);
var today = DateOnly.FromDateTime(DateTime.UtcNow);

await using var zoho = await FakeZohoServer.StartAsync();
var backlog = new HelpdeskDemoBacklog(today, warmup + tickets);
foreach (var (ticket, threads) in backlog.Tickets)
{
    zoho.AddTicket(ticket, threads);
}

foreach (var (module, record) in backlog.Records)
{
    zoho.AddRecord(module, record);
}

var folder = Path.Combine(Path.GetTempPath(), "helpdesk-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Runtime:DataFolder"] = Path.Combine(folder, "runtime"),
    ["Runtime:Scheduler:Enabled"] = "false",
    ["Storage:DataFolder"] = Path.Combine(folder, "storage"),
    ["Storage:Documents:Provider"] = "sqlite",
    ["Storage:Blobs:Provider"] = "files",
    ["Connectors:Sandbox:DatabasePath"] = Path.Combine(folder, "sandbox-calls.db"),
    ["Helpdesk:Departments:refus-cma"] = "198709000025523150",
    ["Helpdesk:Departments:contact"] = "198709000025523151",
    ["Helpdesk:Departments:comptabilite"] = "198709000025523152",
});
builder.Configuration.AddInMemoryCollection(zoho.Settings());
if (!args.Contains("--shipped-rate-limit"))
{
    // The shipped limiter (10 calls a second per Zoho product and token) paces a real Zoho account; what is measured
    // here is the batch itself, so it is lifted unless --shipped-rate-limit asks for it.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Connectors:Zoho:RateLimit:PermitLimit"] = "1000",
        ["Connectors:Zoho:RateLimit:TokensPerPeriod"] = "1000",
    });
}

builder.Configuration.AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray());
builder.Services.AddWorkflowRuntime(builder.Configuration).AddStorage(builder.Configuration).AddConnectors(builder.Configuration).AddHelpdesk(builder.Configuration);
using var host = builder.Build();
await host.StartAsync();
var services = host.Services;
var refresh = await services.GetRequiredService<PendingRefresh>().RunAsync(default);
Console.WriteLine($"helpdesk batch benchmark: {tickets} tickets (+{warmup} warm-up), delay 0, fake Zoho at {zoho.BaseAddress}, rate limiter {(args.Contains("--shipped-rate-limit") ? "as shipped" : "lifted")}; refresh read {refresh.Read} tickets in {refresh.Pages} pages");

var batches = services.GetRequiredService<HelpdeskBatches>();
await RunAsync(warmup);
var requestsBefore = zoho.Requests.Count;
var draftsBefore = zoho.Drafts.Count;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var measured = await RunAsync(tickets);
clock.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

var failures = measured.Summary.Failed;
var durations = await TicketDurationsAsync(measured.BatchId);
var drafts = zoho.Drafts.Skip(draftsBefore).ToList();
var expectedDrafts = measured.Summary.ByAction[TriageActions.Go] + measured.Summary.ByAction[TriageActions.NeedsClarification];
var duplicateDrafts = drafts.GroupBy(d => d.TicketId).Count(g => g.Count() > 1);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    tickets            {measured.Summary.Total} in {clock.Elapsed.TotalSeconds:0.00} s = {measured.Summary.Total / clock.Elapsed.TotalSeconds:0.0} tickets/s  (target >= 20; the seed: 1 per 90 s)
    per ticket         p50 {Percentile(durations, 0.50):0} ms, p99 {Percentile(durations, 0.99):0} ms (instance start to end, 8 at once)
    by action          {string.Join(", ", measured.Summary.ByAction.Select(p => $"{p.Key} {p.Value}"))}; failed {failures}
    zoho calls         {(zoho.Requests.Count - requestsBefore) / (double)tickets:0.0} per ticket; drafts {drafts.Count} (expected {expectedDrafts}, tickets with two: {duplicateDrafts}); tokens issued {zoho.TokensIssued}
    cpu                {cpu.TotalMilliseconds / tickets:0.0} ms per ticket ({cpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.00} cores busy)
    """));
await host.StopAsync();
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
    // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS.
}

var ok = measured.Summary.Total == tickets && failures == 0 && drafts.Count == expectedDrafts && duplicateDrafts == 0;
Console.WriteLine(ok ? "checks             every ticket processed once, one draft per drafted ticket" : "checks             FAILED: counts do not match (see above)");
return ok ? 0 : 1;

async Task<BatchProgress> RunAsync(int count)
{
    var start = await batches.StartAsync(new BatchRequest(count, DryRun: false, DelaySeconds: 0), default);
    while (true)
    {
        var progress = await batches.ProgressAsync(start.BatchId, default);
        if (progress is { Finished: true })
        {
            return progress;
        }

        await Task.Delay(250);
    }
}

async Task<List<double>> TicketDurationsAsync(string batchId)
{
    var workflows = services.GetRequiredService<IWorkflowClient>();
    var list = new List<double>();
    string? token = null;
    do
    {
        var page = await workflows.ListAsync(new InstanceQuery(HelpdeskNames.TicketWorkflow, InstanceStatus.Completed, Limit: 500, ContinuationToken: token));
        list.AddRange(page.Items.Where(i => i.InstanceId.StartsWith(batchId, StringComparison.Ordinal) && i.EndedAt is not null)
            .Select(i => (i.EndedAt!.Value - i.CreatedAt).TotalMilliseconds));
        token = page.ContinuationToken;
    }
    while (token is not null);
    list.Sort();
    return list;
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
