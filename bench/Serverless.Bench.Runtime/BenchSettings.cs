using System.Globalization;

namespace Serverless.Bench.Runtime;

/// <summary>Command-line settings: --instances 20000 --concurrency 250 --durability Full --data DIR.</summary>
internal sealed record BenchSettings(int Instances, int Concurrency, string Durability, string DataFolder, int BatchSize)
{
    public static BenchSettings Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new BenchSettings(
            Int("--instances", 20_000),
            Int("--concurrency", 250),
            Value("--durability") ?? "Full",
            Value("--data") ?? Path.Combine(Path.GetTempPath(), $"serverless-bench-{Guid.NewGuid():N}"),
            Int("--batch", 1000));
    }
}
