using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Bench.ConsolePage;

/// <summary>The Release build of Serverless.Host run as a child process on a free loopback port over the seeded
/// data folder (its working directory, so no stray local.settings.json is read), the scheduler and the retention
/// purge off so nothing but the measured requests touches the database.</summary>
internal sealed class EmbeddedHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private EmbeddedHostProcess(Process process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static EmbeddedHostProcess Start(string hostDll, string workflows, string dataFolder)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            hostDll, "--urls", $"http://127.0.0.1:{port}", $"--Runtime:DataFolder={dataFolder}", $"--Runtime:WorkflowsFolder={workflows}",
            "--Runtime:Scheduler:Enabled=false", "--Runtime:Retention:Days=0",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var host = new EmbeddedHostProcess(new Process { StartInfo = start }, port);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    public async Task<TimeSpan> WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "api/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not become healthy within {timeout}:\n{Output()}");
    }

    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Only the tail matters (a start-up failure); the request log of the runs is not kept.
            if (output.Length > 64_000)
            {
                output.Remove(0, 32_000);
            }

            output.AppendLine(line);
        }
    }
}
