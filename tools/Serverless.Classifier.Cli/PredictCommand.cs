using System.Globalization;

namespace Serverless.Classifier.Cli;

internal static class PredictCommand
{
    public static IReadOnlySet<string> Options { get; } = new HashSet<string> { "model" };

    public static void Run(CliArguments args, TextWriter output)
    {
        var classifier = DataFiles.ReadModel(args.Required("model"));
        if (args.Positional.Count == 0)
        {
            throw new UsageException("predict needs the text to classify");
        }

        var prediction = classifier.Predict(string.Join(' ', args.Positional));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prediction.Label} {prediction.Confidence:F3}"));
        foreach (var (label, probability) in prediction.Probabilities.OrderByDescending(p => p.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-20} {probability:F3}"));
        }
    }
}
