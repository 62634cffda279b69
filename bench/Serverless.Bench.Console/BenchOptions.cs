using System.Globalization;

namespace Serverless.Bench.ConsolePage;

/// <summary>The command line: --instances N, --runs N, --warmup N, --seed N, --keep, --no-page, --chromium PATH.</summary>
internal sealed record BenchOptions(int Instances, int Runs, int Warmup, int Seed, bool Keep, bool Page, string Chromium)
{
    public static BenchOptions Parse(string[] args) => new(
        Int(args, "--instances", 100_000),
        Int(args, "--runs", 20),
        Int(args, "--warmup", 3),
        Int(args, "--seed", 7),
        args.Contains("--keep"),
        !args.Contains("--no-page"),
        Text(args, "--chromium", null) ?? "/usr/bin/chromium");

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name, null) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name, string? fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
