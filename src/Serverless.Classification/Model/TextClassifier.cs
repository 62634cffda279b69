using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>A trained classifier: TF-IDF features, a linear softmax model and its calibration temperature.</summary>
public sealed class TextClassifier
{
    public TextClassifier(IReadOnlyList<string> labels, TfIdfVectorizer vectorizer, LinearSoftmaxModel model, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(vectorizer);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        if (labels.Count != model.ClassCount || vectorizer.Dimension != model.Dimension)
        {
            throw new ArgumentException("Labels, vectorizer and model disagree on their sizes.");
        }

        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new ArgumentException("Labels must be distinct.", nameof(labels));
        }

        Labels = labels;
        Vectorizer = vectorizer;
        Model = model;
        Metadata = metadata;
    }

    public IReadOnlyList<string> Labels { get; }

    public TfIdfVectorizer Vectorizer { get; }

    public LinearSoftmaxModel Model { get; }

    public ModelMetadata Metadata { get; }

    /// <summary>Classifies one text. Ties go to the label listed first.</summary>
    public Prediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Predict(Vectorizer.Transform(text));
    }

    /// <summary>Classifies an already featurised text (a vector of <see cref="Vectorizer"/> or of an identical one).</summary>
    internal Prediction Predict(SparseVector features)
    {
        var probabilities = Model.Probabilities(features);
        var best = 0;
        var all = new Dictionary<string, double>(Labels.Count, StringComparer.Ordinal);
        for (var k = 0; k < probabilities.Length; k++)
        {
            all[Labels[k]] = probabilities[k];
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return new Prediction(Labels[best], probabilities[best], all);
    }

    /// <summary>Writes the model as versioned JSON. The stream is left open.</summary>
    public void Save(Stream stream) => ModelSerializer.Write(this, stream);

    /// <summary>Reads a model written by <see cref="Save"/>; predictions are bit-for-bit those of the saved model.</summary>
    public static TextClassifier Load(Stream stream) => ModelSerializer.Read(stream);
}
