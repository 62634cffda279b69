using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure;
using Serverless.Storage.Documents;

// Point reads and upserts per second, one caller awaiting each operation in turn (the latency-bound case a
// workflow step sees). usage: dotnet run -c Release --project bench/Serverless.Bench.Storage [seconds] [docBytes]
// The Cosmos stand-in is measured when SERVERLESS_TEST_COSMOS_ENDPOINT/KEY are set (scripts/services.sh up).
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var docBytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
const int DistinctIds = 1000;

Console.WriteLine($"document size: {Encoding.UTF8.GetByteCount(Body(docBytes).ToJsonString()):N0} bytes of JSON (without id/pk), {DistinctIds} ids in one partition, {seconds:0.#} s per measurement, 1 caller, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"adapter",-28} {"upserts/s",10} {"reads/s",10} {"p50 read ms",12} {"p99 read ms",12}");

var folder = Path.Combine(Path.GetTempPath(), "serverless-bench-" + Guid.NewGuid().ToString("N"));
try
{
    await RunAsync("sqlite (WAL, file)", new()
    {
        ["Storage:DataFolder"] = folder,
        ["Storage:Documents:Provider"] = "sqlite",
    });

    var endpoint = Environment.GetEnvironmentVariable("SERVERLESS_TEST_COSMOS_ENDPOINT");
    var key = Environment.GetEnvironmentVariable("SERVERLESS_TEST_COSMOS_KEY");
    if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(key))
    {
        Console.WriteLine("cosmos stand-in: not measured (SERVERLESS_TEST_COSMOS_ENDPOINT/KEY unset; run scripts/services.sh up and source .services/env)");
    }
    else
    {
        await RunAsync("cosmos stand-in (gateway)", new()
        {
            ["Storage:Documents:Provider"] = "cosmos",
            ["Storage:Documents:Cosmos:ConnectionString"] = $"AccountEndpoint={endpoint};AccountKey={key};",
            ["Storage:Documents:Cosmos:Database"] = "serverless-bench",
            ["Storage:Documents:Cosmos:CreateIfNotExists"] = "true",
            ["Storage:Documents:Cosmos:GatewayMode"] = "true",
            ["Storage:Documents:Cosmos:LimitToEndpoint"] = "true",
            ["Storage:Documents:Cosmos:AcceptAnyServerCertificate"] = "true",
        });
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

async Task RunAsync(string name, Dictionary<string, string?> settings)
{
    settings["Storage:Blobs:Provider"] = "files";
    settings.TryAdd("Storage:DataFolder", folder);
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    await using var services = new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    services.GetRequiredService<IStartupValidator>().Validate();
    var store = services.GetRequiredService<IDocumentStore>();
    var pk = "bench-" + Guid.NewGuid().ToString("N");
    var body = Body(docBytes);

    for (var i = 0; i < DistinctIds; i++)
    {
        await store.UpsertAsync("bench", new Document($"d{i}", pk, body));
    }

    var upserts = await MeasureAsync(i => store.UpsertAsync("bench", new Document($"d{i % DistinctIds}", pk, body)));
    var reads = await MeasureAsync(async i => _ = await store.ReadAsync("bench", pk, $"d{i % DistinctIds}")
        ?? throw new InvalidOperationException("missing document"));
    Console.WriteLine($"{name,-28} {upserts.PerSecond,10:N0} {reads.PerSecond,10:N0} {reads.P50,12:0.000} {reads.P99,12:0.000}");
}

async Task<(double PerSecond, double P50, double P99)> MeasureAsync(Func<int, Task> operation)
{
    for (var i = 0; i < 200; i++)
    {
        await operation(i); // warm-up: JIT, connection pool, page cache
    }

    var latencies = new List<double>();
    var total = Stopwatch.StartNew();
    var count = 0;
    while (total.Elapsed.TotalSeconds < seconds)
    {
        var one = Stopwatch.GetTimestamp();
        await operation(count++);
        latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
    }

    latencies.Sort();
    return (count / total.Elapsed.TotalSeconds, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
}

static JsonObject Body(int bytes)
{
    var text = new StringBuilder();
    while (text.Length < bytes - 120)
    {
        text.Append("Demande de changement de session pour l'examen. ");
    }

    return new JsonObject
    {
        ["status"] = "open",
        ["priority"] = 3,
        ["createdTime"] = "2026-02-03T00:12:36Z",
        ["description"] = text.ToString(0, Math.Max(0, bytes - 120)),
    };
}
