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
                "--no-baseline" => options with { Baseline = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
