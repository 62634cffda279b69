using System.Diagnostics;
using System.Globalization;
using Serverless.Classification.Features;
using Serverless.Classification.Training;

namespace Serverless.Classifier.Cli;

internal static class TrainCommand
{
    public static IReadOnlySet<string> Options { get; } =
        new HashSet<string> { "data", "out", "text-field", "label-field", "seed", "cost", "folds", "min-df" };

    public static void Run(CliArguments args, TextWriter output, TextWriter progressWriter)
    {
        var data = args.Required("data");
        var outPath = args.Required("out");
        var defaults = new TrainingOptions();
        var options = defaults with
        {
            Seed = args.Int("seed", defaults.Seed),
            Cost = args.Double("cost", defaults.Cost),
            CalibrationFolds = args.Int("folds", defaults.CalibrationFolds),
            Features = new FeatureOptions { MinDocumentFrequency = args.Int("min-df", defaults.Features.MinDocumentFrequency) },
        };
        var examples = DataFiles.ReadExamples(data, args.Optional("text-field", "text"), args.Optional("label-field", "label"));

        foreach (var single in examples.GroupBy(e => e.Label, StringComparer.Ordinal).Where(g => g.Count() < 2))
        {
            output.WriteLine($"warning: {data}:{single.First().Line}: label '{single.Key}' has only one example; calibration needs two per label and is skipped");
        }

        var clock = Stopwatch.StartNew();
        var progress = new ProgressBar(progressWriter);
        var classifier = TextClassifierTrainer.Train(examples, options, progress);
        progress.Finish();
        clock.Stop();
        DataFiles.WriteModel(classifier, outPath);

        var m = classifier.Metadata;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Trained on {m.TrainingExamples} examples, labels: {string.Join(", ", classifier.Labels)}"));
        output.WriteLine(string.Create(c, $"Features: {classifier.Vectorizer.Dimension}, one-vs-rest linear SVM (C = {m.Cost}), most solver passes per label: {m.Iterations}"));
        if (m.CalibrationFolds > 0)
        {
            output.WriteLine(string.Create(c,
                $"{m.CalibrationFolds}-fold cross-fit: accuracy {m.CrossValidatedAccuracy:P1}, ECE {m.CrossValidatedEceBefore:F3} -> {m.CrossValidatedEceAfter:F3} with temperature {classifier.Model.Temperature:F3}"));
        }
        else
        {
            output.WriteLine("Calibration skipped: a label has fewer than 2 examples (temperature 1).");
        }

        output.WriteLine(string.Create(c, $"Training time: {clock.Elapsed.TotalSeconds:F1} s (seed {m.Seed})"));
        output.WriteLine($"Model written to {outPath}");
    }
}
