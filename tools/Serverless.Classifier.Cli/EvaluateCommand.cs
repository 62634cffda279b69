namespace Serverless.Classifier.Cli;

internal static class EvaluateCommand
{
    public static IReadOnlySet<string> Options { get; } = new HashSet<string> { "model", "data", "text-field", "label-field" };

    public static void Run(CliArguments args, TextWriter output)
    {
        var classifier = DataFiles.ReadModel(args.Required("model"));
        var data = args.Required("data");
        var examples = DataFiles.ReadExamples(data, args.Optional("text-field", "text"), args.Optional("label-field", "label"));
        var report = Serverless.Classification.Evaluation.ClassificationEvaluator.Evaluate(classifier, examples);
        output.Write(ReportFormatter.Format(report));
        output.Write(ReportFormatter.Calibration(classifier));
        foreach (var unknown in examples.Where(e => !classifier.Labels.Contains(e.Label)).Take(5))
        {
            output.WriteLine($"warning: {data}:{unknown.Line}: label '{unknown.Label}' is not one the model knows");
        }
    }
}
