using System.Globalization;
using Serverless.Bench.Crm;

// CRM workflow engine benchmark (see README.md). Default: changes end to end through CrmChanges.UpdateAsync with
// durability on; --matching: trigger matching alone as the number of active workflows grows.
// Any --Section:Key=value argument overrides a host setting (e.g. --Runtime:ActivityWorkers=32).
var overrides = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToList();
if (args.Contains("--matching"))
{
    var sizes = Text("--sizes", "10,100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    return await Matching.RunAsync(sizes, double.Parse(Text("--seconds", "2"), CultureInfo.InvariantCulture), overrides);
}

if (args.Contains("--breakdown"))
{
    return await Breakdown.RunAsync(Arg("--changes", 500), overrides);
}

return await EndToEnd.RunAsync(Arg("--changes", 20_000), Arg("--concurrency", 32), Arg("--workflows", 50), Arg("--entities", 500), overrides);

int Arg(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string Text(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal static partial class Program
{
    /// <summary>The 1, 5 and 15 minute load averages (Linux), to read a figure measured on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
