using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>
/// The model file: one JSON object with a format name and version first, then labels, feature settings,
/// metadata, temperature, bias, vocabulary, idf and weights. Version 2 writes the weights as base64 of
/// little-endian float32 values, feature-major (feature j, label k at j * labels + k), which loads in a
/// fraction of the time of a JSON number array; doubles are written in shortest round-trip form. A loaded model
/// predicts exactly what the saved one did. Version 1 files (double weights, one JSON array per label) still load.
/// </summary>
internal static class ModelSerializer
{
    public const string FormatName = "serverless-text-classifier";
    public const int CurrentVersion = 2;

    private const string Retrain =
        "retrain it with this build: dotnet run --project tools/Serverless.Classifier.Cli -- train --data <labelled file> --out <model file>";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Write(TextClassifier classifier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var model = classifier.Model;
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
            WeightsFloat32 = Convert.ToBase64String(ToLittleEndianBytes(model.Weights)),
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

        if (file.Version is < 1 or > CurrentVersion)
        {
            throw new ModelFormatException(
                $"Model format version {file.Version} is not supported (this build reads versions 1 to {CurrentVersion}); {Retrain}.");
        }

        if (file.Labels is null || file.Features is null || file.Vocabulary is null || file.Idf is null || file.Bias is null
            || (file.Version == 1 ? file.Weights is null : file.WeightsFloat32 is null))
        {
            throw new ModelFormatException(
                $"The version {file.Version} model file lacks one of labels, features, vocabulary, idf, weights, bias; {Retrain}.");
        }

        var dimension = file.Vocabulary.Length;
        var weights = file.Version == 1 ? FromVersion1(file.Weights!, file.Labels.Length, dimension) : FromBase64(file.WeightsFloat32!);
        if (weights is null || weights.Length != (long)file.Labels.Length * dimension)
        {
            throw new ModelFormatException(
                $"The model has {file.Labels.Length} labels and {dimension} features but its weight matrix does not match; {Retrain}.");
        }

        try
        {
            // Version 1 predates these settings; its files mean the behaviour of that time.
            var features = file.Version == 1
                ? file.Features with { KeepStopWords = false, NormalizeWordsAndCharactersApart = false }
                : file.Features;
            var vectorizer = new TfIdfVectorizer(features, file.Vocabulary, file.Idf);
            var model = new LinearSoftmaxModel(file.Labels.Length, dimension, weights, file.Bias, file.Temperature);
            return new TextClassifier(file.Labels, vectorizer, model, file.Metadata ?? new ModelMetadata());
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"Inconsistent model file: {e.Message}; {Retrain}.", e);
        }
    }

    /// <summary>Version 1 kept one double array per label; they become float32, feature-major.</summary>
    private static float[]? FromVersion1(double[][] rows, int classCount, int dimension)
    {
        if (rows.Length != classCount || rows.Any(row => row is null || row.Length != dimension))
        {
            return null;
        }

        var weights = new float[(long)classCount * dimension];
        for (var k = 0; k < classCount; k++)
        {
            for (var j = 0; j < dimension; j++)
            {
                weights[((long)j * classCount) + k] = (float)rows[k][j];
            }
        }

        return weights;
    }

    private static float[]? FromBase64(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length % sizeof(float) != 0)
        {
            return null;
        }

        var weights = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<float, int>(weights.AsSpan());
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw[i]);
            }
        }

        return weights;
    }

    private static byte[] ToLittleEndianBytes(float[] weights)
    {
        var bytes = MemoryMarshal.AsBytes(weights.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw[i]);
            }
        }

        return bytes;
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

        /// <summary>Version 1 only: one array of doubles per label.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double[][]? Weights { get; set; }

        /// <summary>Version 2: base64 of little-endian float32, feature-major.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? WeightsFloat32 { get; set; }
    }
}
