using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Bench.Runtime;
using Serverless.Engine.Loading;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Hosting;

var settings = BenchSettings.Parse(args);
Directory.CreateDirectory(settings.DataFolder);
var synchronous = settings.Durability.Equals("Full", StringComparison.OrdinalIgnoreCase) ? "FULL" : "NORMAL";
var ceiling = RawCommitRate.Measure(settings.DataFolder, synchronous, TimeSpan.FromSeconds(3));

var definition = new WorkflowDefinitionLoader().Load("""
    {
      "id": "bench-five-steps",
      "steps": [
        { "type": "activity", "id": "s1", "activity": "inc", "input": { "n": "{{trigger.body.n}}" } },
        { "type": "activity", "id": "s2", "activity": "inc", "input": { "n": "{{steps.s1.output.n}}" } },
        { "type": "activity", "id": "s3", "activity": "inc", "input": { "n": "{{steps.s2.output.n}}" } },
        { "type": "activity", "id": "s4", "activity": "inc", "input": { "n": "{{steps.s3.output.n}}" } },
        { "type": "activity", "id": "s5", "activity": "inc", "input": { "n": "{{steps.s4.output.n}}" } }
      ]
    }
    """, "bench").Definition ?? throw new InvalidOperationException("The benchmark workflow does not load.");

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Runtime:DataFolder"] = settings.DataFolder,
    ["Runtime:WorkflowsFolder"] = Path.Combine(settings.DataFolder, "none"),
    ["Runtime:Durability"] = settings.Durability,
    ["Runtime:MaxBatchSize"] = settings.BatchSize.ToString(CultureInfo.InvariantCulture),
    ["Runtime:Scheduler:Enabled"] = "false",
});
builder.Services.AddWorkflowRuntime(builder.Configuration);
builder.Services.AddWorkflowDefinition(definition);
builder.Services.AddActivity("inc", (context, _) =>
    Task.FromResult<JsonNode?>(new JsonObject { ["n"] = (context.Input?["n"]?.GetValue<int>() ?? 0) + 1 }));
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var notifications = host.Services.GetRequiredService<InstanceNotifications>();
var startedAt = new ConcurrentDictionary<string, long>();
var latencies = new ConcurrentBag<double>();
var window = new SemaphoreSlim(settings.Concurrency);
var completed = 0;
var failed = 0;
var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
notifications.Finished += (_, finished) =>
{
    if (startedAt.TryRemove(finished.InstanceId, out var start))
    {
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    if (finished.Status != Serverless.Engine.Interpreter.InstanceStatus.Completed)
    {
        Interlocked.Increment(ref failed);
    }

    window.Release();
    if (Interlocked.Increment(ref completed) == settings.Instances)
    {
        allDone.TrySetResult();
    }
};

var watch = Stopwatch.StartNew();
var starts = new List<Task>(settings.Instances);
for (var i = 0; i < settings.Instances; i++)
{
    await window.WaitAsync();
    var id = $"bench-{i:D6}";
    startedAt[id] = Stopwatch.GetTimestamp();
    starts.Add(client.StartAsync(new StartRequest(definition.Id, new JsonObject { ["n"] = i }, InstanceId: id)));
}

await Task.WhenAll(starts);
await allDone.Task.WaitAsync(TimeSpan.FromMinutes(10));
watch.Stop();
await host.StopAsync();

var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
using var process = Process.GetCurrentProcess();
var rate = settings.Instances / watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Embedded runtime benchmark: {settings.Instances} instances x 5 activity steps, {settings.Concurrency} in flight, durability {settings.Durability} (synchronous={synchronous}), {Environment.ProcessorCount} cores
      instances completed/s      : {rate:F0}  ({completed} completed, {failed} not Completed, {watch.Elapsed.TotalSeconds:F1} s)
      events applied/s           : {rate * 6:F0}  (start + 5 activity results per instance)
      start-to-complete p50      : {Percentile(0.50):F0} ms
      start-to-complete p99      : {Percentile(0.99):F0} ms
      peak working set           : {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB
      raw single-row commits/s   : {ceiling:F0}  (ceiling: one transaction per event would cap at {ceiling / 6:F0} instances/s)
    """));
if (!args.Contains("--data"))
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(settings.DataFolder, recursive: true);
}

return failed == 0 && completed == settings.Instances ? 0 : 1;
