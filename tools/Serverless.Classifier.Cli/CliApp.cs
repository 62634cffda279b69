using Serverless.Classification.Data;

namespace Serverless.Classifier.Cli;

/// <summary>Entry point of the classifier command line, testable with any writers.</summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        Usage:
          train    --data <file.csv|file.jsonl> --out <model.json> [--text-field text] [--label-field label]
                   [--seed 42] [--cost 1] [--folds 5] [--min-df 2]
                   (progress, with an ETA, is drawn on standard error)
          evaluate --model <model.json> --data <file.csv|file.jsonl> [--text-field text] [--label-field label]
          predict  --model <model.json> "text to classify"
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args.Length == 0)
            {
                throw new UsageException("no command given");
            }

            var rest = args[1..];
            switch (args[0])
            {
                case "train":
                    TrainCommand.Run(new CliArguments(rest, TrainCommand.Options), output, error);
                    break;
                case "evaluate":
                    EvaluateCommand.Run(new CliArguments(rest, EvaluateCommand.Options), output);
                    break;
                case "predict":
                    PredictCommand.Run(new CliArguments(rest, PredictCommand.Options), output);
                    break;
                case "help" or "--help" or "-h":
                    output.WriteLine(Usage);
                    break;
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }

            return Success;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return BadUsage;
        }
        catch (Exception e) when (e is CliFailure or DatasetFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }
}
