using System.Globalization;

namespace Serverless.Bench.ConsolePage;

/// <summary>Milliseconds of the measured runs of one case (warm-up runs are never added).</summary>
internal sealed class Timings(string name)
{
    private readonly List<double> ms = [];

    public string Name { get; } = name;

    public string? Note { get; set; }

    public int Count => ms.Count;

    public void Add(double milliseconds) => ms.Add(milliseconds);

    /// <summary>Nearest rank: the smallest value with at least p of the runs at or below it.</summary>
    public double Percentile(double p)
    {
        if (ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public double Max => ms.Count == 0 ? double.NaN : ms.Max();

    public static void Print(string title, IEnumerable<Timings> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"  {"case",-56} {"runs",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  note");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Name,-56} {row.Count,5} {row.Percentile(0.50),8:0.0} {row.Percentile(0.95),8:0.0} {row.Max,8:0.0}  {row.Note}"));
        }
    }
}
