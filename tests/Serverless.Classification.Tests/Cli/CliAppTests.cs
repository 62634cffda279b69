using Serverless.Classifier.Cli;

namespace Serverless.Classification.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classifier-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Train_JsonlMissingLabel_ReportsFileAndLineWithoutStackTrace()
    {
        var data = Write("requests-train.jsonl", "{\"text\":\"a\",\"label\":\"A\"}\n{\"text\":\"b\",\"label\":\"B\"}\n{\"text\":\"c\"}\n");

        var (code, _, error) = Run("train", "--data", data, "--out", Path.Combine(_directory, "m.json"));

        code.Should().Be(CliApp.Failure);
        error.Should().Be($"error: {data}:3: missing field 'label'{Environment.NewLine}");
        File.Exists(Path.Combine(_directory, "m.json")).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_MissingModelFile_NamesTheFile()
    {
        var (code, _, error) = Run("evaluate", "--model", Path.Combine(_directory, "none.json"), "--data", "x.csv");

        code.Should().Be(CliApp.Failure);
        error.Should().Contain("none.json: model file not found").And.NotContain(" at ");
    }

    [Fact]
    public void Train_UnknownExtension_IsRefused()
    {
        var (code, _, error) = Run("train", "--data", Write("d.txt", "x"), "--out", Path.Combine(_directory, "m.json"));

        code.Should().Be(CliApp.Failure);
        error.Should().Contain("d.txt: unknown data format");
    }

    [Theory]
    [InlineData(new[] { "fit" }, "unknown command 'fit'")]
    [InlineData(new[] { "train", "--data" }, "option '--data' needs a value")]
    [InlineData(new[] { "train", "--data", "x.csv" }, "missing required option '--out'")]
    [InlineData(new[] { "train", "--data", "x.csv", "--out", "m.json", "--seed", "abc" }, "option '--seed' expects an integer")]
    public void Run_BadCommandLine_ExitsWithUsage(string[] args, string message)
    {
        var (code, _, error) = Run(args);

        code.Should().Be(CliApp.BadUsage);
        error.Should().Contain(message).And.Contain("Usage:");
    }

    [Fact]
    public void TrainEvaluatePredict_CsvWithCustomFields_RoundTrips()
    {
        var rows = ToyData.ThreeLabels.Select(e => $"\"{e.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{e.Label}");
        var data = Write("priorites.csv", "message,priorite\n" + string.Join("\n", rows) + "\n");
        var model = Path.Combine(_directory, "models", "priority.json");

        var train = Run("train", "--data", data, "--out", model, "--text-field", "message", "--label-field", "priorite", "--min-df", "1", "--folds", "3");
        var evaluate = Run("evaluate", "--model", model, "--data", data, "--text-field", "message", "--label-field", "priorite");
        var predict = Run("predict", "--model", model, "urgent, serveur en panne");

        train.Code.Should().Be(CliApp.Success, train.Error);
        train.Output.Should().Contain("Trained on 9 examples, labels: Basse, Critique, Moyenne");
        train.Error.Should().Contain("12/12 fits", "the progress bar goes to standard error");
        evaluate.Code.Should().Be(CliApp.Success, evaluate.Error);
        evaluate.Output.Should().Contain("Accuracy: 1.0000").And.Contain("Macro-F1: 1.0000").And.Contain("Confusion matrix")
            .And.Contain("before").And.Contain("after temperature scaling");
        predict.Output.Should().StartWith("Critique ");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
