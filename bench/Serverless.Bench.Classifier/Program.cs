using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Serverless.Bench.Classifier;
using Serverless.Classification.Data;

// The built-in classifier against TF-IDF + LinearSVC (scikit-learn) on the same split. See README.md beside this file.
// usage: dotnet run -c Release --project bench/Serverless.Bench.Classifier [-- options]
//   --texts N (12500) --labels K (10) --test-share S (0.2) --seed N (1)   synthetic multilingual tickets
//   --train FILE --test FILE                                               a labelled pair instead (e.g. data/classification)
//   --no-baseline                                                          skip scikit-learn
//   --export DIR                                                           write the split as DIR/train.jsonl, DIR/test.jsonl and stop
var options = BenchOptions.Parse(args);
List<LabeledExample> train, test;
string setName;
if (options.TrainFile is not null && options.TestFile is not null)
{
    train = Read(options.TrainFile);
    test = Read(options.TestFile);
    setName = $"{options.TrainFile} / {options.TestFile}";
}
else
{
    var tickets = new TicketGenerator(options.Seed, options.Labels).Generate(options.Texts);
    var testCount = (int)Math.Round(options.Texts * options.TestShare);
    test = [.. tickets.Take(testCount).Select((t, i) => new LabeledExample(t.Text, t.Label, i + 1))];
    train = [.. tickets.Skip(testCount).Select((t, i) => new LabeledExample(t.Text, t.Label, i + 1))];
    setName = $"synthetic tickets (seed {options.Seed}, {options.Labels} labels, 4 languages)";
}

var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"set: {setName}: {train.Count:N0} training texts, {test.Count:N0} test texts, {train.Select(e => e.Label).Distinct().Count()} labels, {Environment.ProcessorCount} cores"));
if (options.ExportFolder is not null)
{
    Directory.CreateDirectory(options.ExportFolder);
    Write(Path.Combine(options.ExportFolder, "train.jsonl"), train);
    Write(Path.Combine(options.ExportFolder, "test.jsonl"), test);
    Console.WriteLine($"split written to {options.ExportFolder}/train.jsonl and test.jsonl");
    return;
}

var folder = Path.Combine(Path.GetTempPath(), "serverless-bench-classifier-" + Environment.ProcessId.ToString(c));
Directory.CreateDirectory(folder);
try
{
    var ours = OurClassifier.Run(train, test, options.Training, folder);
    ours.Print(Console.Out);
    if (options.Baseline)
    {
        var trainFile = Path.Combine(folder, "train.jsonl");
        var testFile = Path.Combine(folder, "test.jsonl");
        Write(trainFile, train);
        Write(testFile, test);
        SklearnBaseline.Run(trainFile, testFile, Console.Out);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static List<LabeledExample> Read(string path)
{
    using var reader = new StreamReader(path);
    return LabeledDataReader.Read(reader, path, LabeledDataReader.FormatOf(path));
}

static void Write(string path, IEnumerable<LabeledExample> examples)
{
    using var writer = new StreamWriter(path);
    foreach (var e in examples)
    {
        writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = e.Text, ["label"] = e.Label }));
    }
}
