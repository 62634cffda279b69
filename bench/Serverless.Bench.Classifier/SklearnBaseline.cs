using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Serverless.Bench.Classifier;

/// <summary>Runs sklearn_baseline.py with Debian's /usr/bin/python3 on the same split and prints its figures.</summary>
internal static class SklearnBaseline
{
    public static void Run(string trainFile, string testFile, TextWriter output)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sklearn_baseline.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(trainFile);
        start.ArgumentList.Add(testFile);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            output.WriteLine($"scikit-learn baseline: not run ({stderr.Trim().Split('\n')[^1]}); install it with: apt-get install -y python3-sklearn");
            return;
        }

        using var result = JsonDocument.Parse(stdout.Result);
        var r = result.RootElement;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"scikit-learn TF-IDF (word 1-2 + char_wb 2-5) + LinearSVC: accuracy {r.GetProperty("accuracy").GetDouble():F4}, macro-F1 {r.GetProperty("macro_f1").GetDouble():F4}, fit {r.GetProperty("train_seconds").GetDouble():F1} s (process {clock.Elapsed.TotalSeconds:F1} s)"));
    }
}
