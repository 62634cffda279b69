using Serverless.Classification.Data;
using Serverless.Classification.Model;

namespace Serverless.Classification.Evaluation;

public static class ClassificationEvaluator
{
    /// <summary>
    /// Scores <paramref name="classifier"/> on <paramref name="examples"/>. A true label the model never saw is kept
    /// as an extra row of the confusion matrix (always wrong), so the figures do not silently drop it.
    /// </summary>
    public static EvaluationReport Evaluate(TextClassifier classifier, IReadOnlyList<LabeledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        var labels = classifier.Labels
            .Concat(examples.Select(e => e.Label).Where(l => !classifier.Labels.Contains(l)).Distinct().Order(StringComparer.Ordinal))
            .ToArray();
        var confusion = labels.Select(_ => new int[labels.Length]).ToArray();
        var calibration = new List<(double, bool)>(examples.Count);
        double logLoss = 0;
        var known = 0;
        foreach (var example in examples)
        {
            var prediction = classifier.Predict(example.Text);
            confusion[Array.IndexOf(labels, example.Label)][Array.IndexOf(labels, prediction.Label)]++;
            calibration.Add((prediction.Confidence, prediction.Label == example.Label));
            if (prediction.Probabilities.TryGetValue(example.Label, out var p))
            {
                logLoss -= Math.Log(Math.Max(p, 1e-15));
                known++;
            }
        }

        var perLabel = labels.Select((label, k) =>
        {
            var truePositives = confusion[k][k];
            var predicted = confusion.Sum(row => row[k]);
            var actual = confusion[k].Sum();
            var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
            var recall = actual == 0 ? 0 : truePositives / (double)actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new LabelMetrics(label, precision, recall, f1, actual);
        }).ToArray();

        var correct = labels.Select((_, k) => confusion[k][k]).Sum();
        var scored = perLabel.Where(m => m.Support > 0).ToArray();
        return new EvaluationReport(
            labels,
            confusion,
            examples.Count == 0 ? 0 : correct / (double)examples.Count,
            scored.Length == 0 ? 0 : scored.Average(m => m.F1),
            perLabel,
            Calibration.ExpectedCalibrationError(calibration),
            known == 0 ? 0 : logLoss / known,
            examples.Count);
    }
}
