using System.Diagnostics;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The helpdesk CLI (helpdesk.dll, built beside the tests) run as a real process, without a terminal.</summary>
internal static class CliProcess
{
    /// <summary>Runs it in <paramref name="workingDirectory"/> (a fresh folder when null: its data/batch_results
    /// files land there) and returns the exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string url, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "helpdesk.dll"));
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(url);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("helpdesk-cli-").FullName;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
