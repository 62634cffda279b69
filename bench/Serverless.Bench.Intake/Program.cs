using System.Diagnostics;
using System.Globalization;
using Serverless.Bench.Intake;

// Usage: dotnet run -c Release --project bench/Serverless.Bench.Intake -- [--seconds 10] [--connections 32] [--rate 200]
//        [--with-file] [--durability Full|Normal] [--parked] [--sandbox-db PATH] [--activity-workers 16] [--max-batch 1000]
//        dotnet run -c Release --project bench/Serverless.Bench.Intake -- --sandbox-log [--seconds 3] [--writers 16] [--rounds 3]
// Default: the shipped workflows/request-handler.json runs behind the endpoint (sandbox connectors), so the downstream
// steps share the cores with the intake. --parked measures the intake alone (see BenchHost.ParkedDefinition).
var seconds = Option("--seconds", 10);
var connections = Option("--connections", 32);
var rate = Option("--rate", 200);
var activityWorkers = Option("--activity-workers", 16);
var maxBatchSize = Option("--max-batch", 1000);
var withFile = args.Contains("--with-file");
var durability = args.SkipWhile(a => a != "--durability").Skip(1).FirstOrDefault() ?? "Full";
var parked = args.Contains("--parked");
var sandboxDatabase = args.SkipWhile(a => a != "--sandbox-db").Skip(1).FirstOrDefault();
var root = FindRepositoryRoot();
if (args.Contains("--sandbox-log"))
{
    // The sandbox call log alone, shipped vs before (see SandboxLogBench).
    await SandboxLogBench.RunAsync(Option("--seconds", 3), Option("--writers", 16), Option("--rounds", 3));
    return 0;
}

await using var host = await BenchHost.StartAsync(root, durability, parked, sandboxDatabase, activityWorkers, maxBatchSize);
var generator = new LoadGenerator(host.BaseAddress, BenchHost.ApiKey, withFile);
using var client = generator.CreateClient(Math.Max(connections, 256));
Console.WriteLine($"Intake benchmark: {host.BaseAddress}, Runtime:Durability={durability}, {(withFile ? "JSON with one 4 KB inline file" : "JSON without files")}, {(parked ? "downstream parked (intake alone)" : "workflow running behind (sandbox)")}, Runtime:ActivityWorkers={activityWorkers}, Runtime:MaxBatchSize={maxBatchSize}, {Environment.ProcessorCount} cores");

// Latency first, on a host with no backlog: a throughput run leaves thousands of instances for the downstream steps
// to work through, and measuring latency during that drain would measure the drain.
await generator.OpenLoopAsync(client, 50, TimeSpan.FromSeconds(2));
await Task.Delay(TimeSpan.FromSeconds(3));
// CPU of this process (host, workflow and load generator together) per request: at a fixed rate the host keeps up,
// so this is the whole cost of a request, downstream steps included. The machine's other load does not count in it.
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var (latencies, refused) = await generator.OpenLoopAsync(client, rate, TimeSpan.FromSeconds(seconds));
var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / latencies.Count;
latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Latency at {rate}/s ({latencies.Count} requests, {refused} not 202): p50 {Percentile(0.50):0.0} ms, p90 {Percentile(0.90):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms; CPU {cpuPerRequest:0.00} ms per request ({cpuPerRequest * rate / 1000:0.00} cores at {rate}/s)"));

var (accepted, other, elapsed) = await generator.ClosedLoopAsync(client, connections, TimeSpan.FromSeconds(seconds));
Console.WriteLine($"Throughput: {accepted / elapsed.TotalSeconds:0} accepted/s ({accepted} x 202 in {elapsed.TotalSeconds:0.0} s, {connections} connections, {other} other answers)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end (other processes included): {LoadAverage()}"));
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Serverless.sln not found).");
}
