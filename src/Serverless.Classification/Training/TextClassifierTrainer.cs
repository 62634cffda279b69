using Serverless.Classification.Data;
using Serverless.Classification.Evaluation;
using Serverless.Classification.Features;
using Serverless.Classification.Model;

namespace Serverless.Classification.Training;

/// <summary>
/// Trains a <see cref="TextClassifier"/> on labelled texts of any label set (two or more labels).
/// The temperature comes from a k-fold cross-fit: each fold's model scores the texts it did not see, the
/// temperature minimising the log-loss of those out-of-fold scores is kept, and the final model is trained on all data.
/// </summary>
public static class TextClassifierTrainer
{
    public static TextClassifier Train(IReadOnlyList<LabeledExample> examples, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainingOptions();
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two distinct labels; found {labels.Length}.", nameof(examples));
        }

        var texts = examples.Select(e => e.Text).ToArray();
        var y = examples.Select(e => Array.IndexOf(labels, e.Label)).ToArray();
        var smallestClass = labels.Select((_, k) => y.Count(v => v == k)).Min();
        var folds = Math.Min(options.CalibrationFolds, smallestClass);

        var temperature = 1.0;
        double eceBefore = 0, eceAfter = 0, cvAccuracy = 0;
        if (folds >= 2)
        {
            var outOfFold = CrossFitLogits(texts, y, labels.Length, folds, options);
            temperature = TemperatureScaling.Fit(outOfFold, y);
            eceBefore = Ece(outOfFold, y, 1.0);
            eceAfter = Ece(outOfFold, y, temperature);
            cvAccuracy = outOfFold.Select((z, i) => ArgMax(z) == y[i]).Count(ok => ok) / (double)y.Length;
        }

        var (vectorizer, model, iterations, loss) = Fit(texts, y, labels.Length, options);
        var metadata = new ModelMetadata
        {
            TrainingExamples = texts.Length,
            Seed = options.Seed,
            L2 = options.L2,
            Iterations = iterations,
            TrainingLoss = loss,
            CalibrationFolds = folds >= 2 ? folds : 0,
            CrossValidatedEceBefore = eceBefore,
            CrossValidatedEceAfter = eceAfter,
            CrossValidatedAccuracy = cvAccuracy,
        };
        return new TextClassifier(labels, vectorizer, model.WithTemperature(temperature), metadata);
    }

    private static double[][] CrossFitLogits(string[] texts, int[] y, int classCount, int folds, TrainingOptions options)
    {
        var fold = StratifiedFolds.Assign(y, classCount, folds, options.Seed);
        var logits = new double[texts.Length][];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, texts.Length).Where(i => fold[i] != f).ToArray();
            var (vectorizer, model, _, _) = Fit([.. train.Select(i => texts[i])], [.. train.Select(i => y[i])], classCount, options);
            for (var i = 0; i < texts.Length; i++)
            {
                if (fold[i] == f)
                {
                    logits[i] = model.Logits(vectorizer.Transform(texts[i]));
                }
            }
        }

        return logits;
    }

    private static (TfIdfVectorizer Vectorizer, LinearSoftmaxModel Model, int Iterations, double Loss) Fit(
        string[] texts, int[] y, int classCount, TrainingOptions options)
    {
        var vectorizer = TfIdfVectorizer.Fit(texts, options.Features);
        var inputs = texts.Select(vectorizer.Transform).ToArray();
        var objective = new SoftmaxObjective(inputs, y, classCount, vectorizer.Dimension, options.L2);
        var (solution, value, iterations) = LbfgsMinimizer.Minimize(
            objective.Evaluate, new double[objective.ParameterCount], options.MaxIterations, options.Tolerance);
        var weightCount = classCount * vectorizer.Dimension;
        var model = new LinearSoftmaxModel(
            classCount, vectorizer.Dimension, solution[..weightCount], solution[weightCount..], temperature: 1.0);
        return (vectorizer, model, iterations, value);
    }

    private static double Ece(double[][] logits, int[] y, double temperature)
    {
        var predictions = logits.Select((z, i) =>
        {
            var p = z.Select(v => v / temperature).ToArray();
            Softmax.InPlace(p);
            var best = ArgMax(p);
            return (p[best], best == y[i]);
        }).ToArray();
        return Calibration.ExpectedCalibrationError(predictions);
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
