using System.Diagnostics;
using System.Net;
using System.Text;

namespace Serverless.Bench.Intake;

/// <summary>A loopback load generator: closed-loop (N connections posting back to back) for throughput, and
/// open-loop (a request every 1/rate seconds whatever the answers) for latency, measured from the planned send
/// time so a slow answer cannot hide the queueing it causes (no coordinated omission).</summary>
internal sealed class LoadGenerator(string baseAddress, string apiKey, bool withFile)
{
    private static readonly string FileBase64 = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4 " + new string('x', 4000)));
    private long sequence;

    public HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = new Uri(baseAddress) };

    public async Task<(int Accepted, int Other, TimeSpan Elapsed)> ClosedLoopAsync(HttpClient client, int connections, TimeSpan duration)
    {
        var accepted = 0;
        var other = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                if (await PostAsync(client) == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref other);
                }
            }
        });
        await Task.WhenAll(workers);
        return (accepted, other, watch.Elapsed);
    }

    public async Task<(List<double> LatenciesMs, int Other)> OpenLoopAsync(HttpClient client, int ratePerSecond, TimeSpan duration)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var other = 0;
        var watch = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var planned = TimeSpan.FromSeconds((double)i / ratePerSecond);
            var wait = planned - watch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                var status = await PostAsync(client);
                latencies[index] = (watch.Elapsed - planned).TotalMilliseconds;
                if (status != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref other);
                }
            }));
        }

        await Task.WhenAll(tasks);
        return (latencies.ToList(), other);
    }

    private async Task<HttpStatusCode> PostAsync(HttpClient client)
    {
        var n = Interlocked.Increment(ref sequence);
        var file = withFile
            ? $$""","fichiers":[{"name":"plan-{{n}}.pdf","contentType":"application/pdf","contentBase64":"{{FileBase64}}"}]"""
            : "";
        var json = $$"""{"source":"modelisation","objet":"Modélisation 3D maison {{n}}","description":"Bonjour, je souhaiterais faire modéliser en 3D ma maison (demande {{n}}) à partir des plans joints.","user_email":"client{{n % 500}}@example.com","user_name":"Client Numéro{{n}}"{{file}}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", apiKey);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
