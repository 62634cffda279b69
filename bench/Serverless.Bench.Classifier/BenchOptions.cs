using Serverless.Classification.Training;
using System.Globalization;

namespace Serverless.Bench.Classifier;

internal sealed record BenchOptions
{
    public int Texts { get; init; } = 12_500;

    public int Labels { get; init; } = 10;

    public double TestShare { get; init; } = 0.2;

    public int Seed { get; init; } = 1;

    public string? TrainFile { get; init; }

    public string? TestFile { get; init; }

    public bool Baseline { get; init; } = true;

    /// <summary>Writes the split as DIR/train.jsonl and DIR/test.jsonl and stops (to try other tools on the same data).</summary>
    public string? ExportFolder { get; init; }

    /// <summary>The classifier's settings; the library's defaults unless --threads, --cost, --tol, --min-df, --char-min, --one-norm, --drop-stop-words are given.</summary>
    public TrainingOptions Training { get; init; } = new();

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--texts" => options with { Texts = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--labels" => options with { Labels = Math.Clamp(int.Parse(Value(), CultureInfo.InvariantCulture), 2, 10) },
                "--test-share" => options with { TestShare = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--train" => options with { TrainFile = Value() },
                "--test" => options with { TestFile = Value() },
                "--export" => options with { ExportFolder = Value() },
                "--no-baseline" => options with { Baseline = false },
                "--cost" => options with { Training = options.Training with { Cost = double.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--min-df" => options with { Training = options.Training with { Features = options.Training.Features with { MinDocumentFrequency = int.Parse(Value(), CultureInfo.InvariantCulture) } } },
                "--char-min" => options with { Training = options.Training with { Features = options.Training.Features with { CharNgramMin = int.Parse(Value(), CultureInfo.InvariantCulture) } } },
                "--one-norm" => options with { Training = options.Training with { Features = options.Training.Features with { NormalizeWordsAndCharactersApart = false } } },
                "--threads" => options with { Training = options.Training with { Parallelism = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--tol" => options with { Training = options.Training with { Tolerance = double.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--drop-stop-words" => options with { Training = options.Training with { Features = options.Training.Features with { KeepStopWords = false } } },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
