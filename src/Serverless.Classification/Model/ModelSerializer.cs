using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>
/// The model file: one JSON object with a format name and version first, then labels, feature settings,
/// vocabulary, idf, weights, bias and temperature. Doubles are written in shortest round-trip form,
/// so a loaded model predicts exactly what the saved one did.
/// </summary>
internal static class ModelSerializer
{
    public const string FormatName = "serverless-text-classifier";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Write(TextClassifier classifier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var model = classifier.Model;
        var weights = new double[model.ClassCount][];
        for (var k = 0; k < model.ClassCount; k++)
        {
            weights[k] = model.Weights.AsSpan(k * model.Dimension, model.Dimension).ToArray();
        }

        var file = new ModelFile
        {
            Format = FormatName,
            Version = CurrentVersion,
            Labels = [.. classifier.Labels],
            Features = classifier.Vectorizer.Options,
            Metadata = classifier.Metadata,
            Temperature = model.Temperature,
            Bias = model.Bias,
            Vocabulary = [.. classifier.Vectorizer.Vocabulary],
            Idf = [.. classifier.Vectorizer.Idf],
            Weights = weights,
        };
        JsonSerializer.Serialize(stream, file, JsonOptions);
    }

    public static TextClassifier Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ModelFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"Not a classifier model: {e.Message}", e);
        }

        if (file is null || file.Format != FormatName)
        {
            throw new ModelFormatException($"Not a classifier model: the 'format' field is not '{FormatName}'.");
        }

        if (file.Version != CurrentVersion)
        {
            throw new ModelFormatException(
                $"Model format version {file.Version} is not supported (this build reads version {CurrentVersion}).");
        }

        if (file.Labels is null || file.Features is null || file.Vocabulary is null || file.Idf is null
            || file.Weights is null || file.Bias is null)
        {
            throw new ModelFormatException("The model file lacks one of labels, features, vocabulary, idf, weights, bias.");
        }

        var dimension = file.Vocabulary.Length;
        if (file.Weights.Length != file.Labels.Length || file.Weights.Any(row => row is null || row.Length != dimension))
        {
            throw new ModelFormatException(
                $"The model has {file.Labels.Length} labels and {dimension} features but its weight matrix does not match.");
        }

        try
        {
            var vectorizer = new TfIdfVectorizer(file.Features, file.Vocabulary, file.Idf);
            var model = new LinearSoftmaxModel(
                file.Labels.Length, dimension, [.. file.Weights.SelectMany(row => row)], file.Bias, file.Temperature);
            return new TextClassifier(file.Labels, vectorizer, model, file.Metadata ?? new ModelMetadata());
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"Inconsistent model file: {e.Message}", e);
        }
    }

    private sealed class ModelFile
    {
        public string? Format { get; set; }

        public int Version { get; set; }

        public string[]? Labels { get; set; }

        public FeatureOptions? Features { get; set; }

        public ModelMetadata? Metadata { get; set; }

        public double Temperature { get; set; }

        public double[]? Bias { get; set; }

        public string[]? Vocabulary { get; set; }

        public double[]? Idf { get; set; }

        public double[][]? Weights { get; set; }
    }
}
