using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>
/// Several classifiers over the same features (for example "category" and "priority" of a ticket): a text is
/// featurised once and every classifier scores that one vector. Built by
/// <see cref="Training.TextClassifierTrainer.TrainSet"/>, or from saved models with <see cref="Combine"/>.
/// </summary>
public sealed class ClassifierSet
{
    private readonly TfIdfVectorizer _vectorizer;

    public ClassifierSet(IReadOnlyDictionary<string, TextClassifier> classifiers)
    {
        ArgumentNullException.ThrowIfNull(classifiers);
        if (classifiers.Count == 0)
        {
            throw new ArgumentException("A classifier set needs at least one classifier.", nameof(classifiers));
        }

        var names = classifiers.Keys.Order(StringComparer.Ordinal).ToArray();
        var first = classifiers[names[0]].Vectorizer;
        foreach (var name in names[1..])
        {
            var other = classifiers[name].Vectorizer;
            if (!ReferenceEquals(other, first) && !SameFeatures(first, other))
            {
                throw new ArgumentException(
                    $"Classifier '{name}' does not use the same features as '{names[0]}'; train them together with TrainSet.",
                    nameof(classifiers));
            }
        }

        _vectorizer = first;
        Names = names;
        Classifiers = classifiers;
    }

    /// <summary>The label sets' names, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    public IReadOnlyDictionary<string, TextClassifier> Classifiers { get; }

    /// <summary>Classifiers loaded from separate model files of one <c>TrainSet</c> run; refused unless their features match.</summary>
    public static ClassifierSet Combine(IReadOnlyDictionary<string, TextClassifier> classifiers) => new(classifiers);

    /// <summary>Every label set's prediction for <paramref name="text"/>, featurised once.</summary>
    public IReadOnlyDictionary<string, Prediction> Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = _vectorizer.Transform(text);
        var predictions = new Dictionary<string, Prediction>(Names.Count, StringComparer.Ordinal);
        foreach (var name in Names)
        {
            predictions[name] = Classifiers[name].Predict(features);
        }

        return predictions;
    }

    private static bool SameFeatures(TfIdfVectorizer a, TfIdfVectorizer b) =>
        a.Options == b.Options && a.Vocabulary.SequenceEqual(b.Vocabulary, StringComparer.Ordinal) && a.Idf.SequenceEqual(b.Idf);
}
