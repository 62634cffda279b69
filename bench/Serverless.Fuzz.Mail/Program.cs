using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Serverless.Fuzz.Mail;
using Serverless.Mail.Parsing;
using Serverless.Mail.Screening;
using Serverless.Mail.Threading;

// Each iteration takes a fixture of tests/Serverless.Mail.Tests/Fixtures, mutates it (seeded, so a run repeats),
// and does what the read step does with it: load, parse, screen, thread keys, open every accepted attachment.
// EmailParser.Load may refuse a stream (UnreadableMessageException); anything else that escapes is a bug, and the
// inputs that caused one are written to --out. Printed: iterations, escaped exceptions by stage, exceptions Parse
// caught itself (a "Reading the ... failed" problem: not a crash, but a part lost), the slowest
// iteration, peak working set, iterations per second. Exit code 1 when anything escaped.
var iterations = Arg("--iterations", 20_000);
var seed = Arg("--seed", 4);
var output = ArgText("--out", null) ?? Path.Combine(Path.GetTempPath(), "mail-fuzz-failures");
var fixtures = Path.Combine(FindRoot(), "tests", "Serverless.Mail.Tests", "Fixtures");
var corpus = Directory.GetFiles(fixtures, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

var parser = new EmailParser(Options.Create(new MailParsingOptions()));
var screen = new MessageScreen(Options.Create(new MailScreeningOptions { OwnAddresses = ["support@exemple.fr"] }));
var random = new Random(seed);
var mutator = new Mutator(random, corpus);
var escaped = new Dictionary<string, int>(StringComparer.Ordinal);
var caught = new Dictionary<string, int>(StringComparer.Ordinal);
var unreadable = 0;
var slowest = TimeSpan.Zero;
long inputBytes = 0;
var clock = Stopwatch.StartNew();

for (var i = 0; i < iterations; i++)
{
    var input = mutator.Mutate(corpus[random.Next(corpus.Count)]);
    inputBytes += input.Length;
    var started = clock.Elapsed;
    var stage = "load";
    try
    {
        using var stream = new MemoryStream(input, writable: false);
        var message = EmailParser.Load(stream);
        stage = "parse";
        var email = parser.Parse(message);
        foreach (var problem in email.Problems.Where(p => p.StartsWith("Reading the ", StringComparison.Ordinal)))
        {
            caught[problem] = caught.GetValueOrDefault(problem) + 1;
        }

        stage = "screen";
        _ = screen.Screen(message);
        stage = "thread";
        _ = ThreadKeys.TicketNumberInSubject(email.Subject);
        _ = ThreadKeys.CandidateMessageIds(email);
        _ = ThreadKeys.NormalizeSubject(email.Subject);
        stage = "open attachment";
        foreach (var attachment in email.Attachments.Where(a => !a.Refused))
        {
            using var content = EmailParser.OpenAttachment(message, attachment);
            content.CopyTo(Stream.Null);
        }
    }
    catch (UnreadableMessageException)
    {
        unreadable++;
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        var key = $"{stage}: {e.GetType().Name}";
        escaped[key] = escaped.GetValueOrDefault(key) + 1;
        if (escaped[key] <= 3)
        {
            Directory.CreateDirectory(output);
            var file = Path.Combine(output, $"{seed}-{i}.eml");
            File.WriteAllBytes(file, input);
            Console.Error.WriteLine($"iteration {i}, {key}: {e.Message} ({file})");
            Console.Error.WriteLine(e.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
        }
    }

    var took = clock.Elapsed - started;
    if (i >= 1000 && took > slowest)
    {
        slowest = took;
    }
}

clock.Stop();
using var process = Process.GetCurrentProcess();
var total = escaped.Values.Sum();
Console.WriteLine(FormattableString.Invariant($"fixtures: {corpus.Count}, seed: {seed}"));
Console.WriteLine(FormattableString.Invariant($"iterations: {iterations}, refused by Load as unreadable: {unreadable}"));
Console.WriteLine(FormattableString.Invariant($"exceptions escaping: {total}"));
foreach (var (key, count) in escaped.OrderByDescending(p => p.Value))
{
    Console.WriteLine(FormattableString.Invariant($"  {key}: {count}"));
}

Console.WriteLine(FormattableString.Invariant($"exceptions Parse caught and listed as a problem: {caught.Values.Sum()}"));
foreach (var (problem, count) in caught.OrderByDescending(p => p.Value))
{
    Console.WriteLine(FormattableString.Invariant($"  {problem}: {count}"));
}

Console.WriteLine(FormattableString.Invariant($"mean input: {inputBytes / Math.Max(1, iterations) / 1024.0:F1} KiB, slowest iteration after the first 1000: {slowest.TotalMilliseconds:F1} ms"));
Console.WriteLine(FormattableString.Invariant($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB"));
Console.WriteLine(FormattableString.Invariant($"iterations/s: {iterations / clock.Elapsed.TotalSeconds:F0} ({clock.Elapsed.TotalSeconds:F1} s)"));
return total == 0 ? 0 : 1;

int Arg(string name, int fallback) =>
    ArgText(name, null) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name, string? fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
}
