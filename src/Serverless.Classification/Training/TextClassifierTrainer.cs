using Serverless.Classification.Data;
using Serverless.Classification.Evaluation;
using Serverless.Classification.Features;
using Serverless.Classification.Model;

namespace Serverless.Classification.Training;

/// <summary>
/// Trains a <see cref="TextClassifier"/> on labelled texts of any label set (two or more labels): TF-IDF word and
/// character n-grams, one linear SVM per label (one-vs-rest, <see cref="DualCoordinateDescent"/>), and a softmax
/// temperature fitted on a k-fold cross-fit: each fold's model scores the texts it did not see, the temperature
/// minimising the log-loss of those out-of-fold scores is kept, and the final model is trained on all data.
/// The texts are featurised once; the folds and labels are trained in parallel, each from its own seed, so the
/// model does not depend on the number of threads.
/// </summary>
public static class TextClassifierTrainer
{
    public const string SolverName = "ovr-l2svm-dual-cd";

    public static TextClassifier Train(
        IReadOnlyList<LabeledExample> examples, TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainingOptions();
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two distinct labels; found {labels.Length}.", nameof(examples));
        }

        var y = examples.Select(e => Array.BinarySearch(labels, e.Label, StringComparer.Ordinal)).ToArray();
        var smallestClass = labels.Select((_, k) => y.Count(v => v == k)).Min();
        var folds = Math.Min(options.CalibrationFolds, smallestClass);
        var fits = (folds >= 2 ? folds + 1 : 1) * labels.Length;
        progress?.Report(new TrainingProgress("featurizing", 0, fits));
        var corpus = FeaturizedCorpus.Build([.. examples.Select(e => e.Text)], options.Features);
        var tracker = new ProgressTracker(progress, fits);

        var temperature = 1.0;
        double eceBefore = 0, eceAfter = 0, cvAccuracy = 0;
        if (folds >= 2)
        {
            var outOfFold = CrossFitLogits(corpus, y, labels.Length, folds, options, tracker);
            progress?.Report(new TrainingProgress("calibrating", tracker.Done, fits));
            temperature = TemperatureScaling.Fit(outOfFold, y);
            eceBefore = Ece(outOfFold, y, 1.0);
            eceAfter = Ece(outOfFold, y, temperature);
            cvAccuracy = outOfFold.Select((z, i) => ArgMax(z) == y[i]).Count(ok => ok) / (double)y.Length;
        }

        var all = Enumerable.Range(0, corpus.Count).ToArray();
        var vocabulary = corpus.Vocabulary(all);
        var (model, passes) = Fit(vocabulary.Rows(corpus, all, options.Features), y, labels.Length, options, options.Seed, tracker.Stage("final fit"));
        var metadata = new ModelMetadata
        {
            TrainingExamples = corpus.Count,
            Seed = options.Seed,
            Solver = SolverName,
            Cost = options.Cost,
            Iterations = passes,
            CalibrationFolds = folds >= 2 ? folds : 0,
            CrossValidatedEceBefore = eceBefore,
            CrossValidatedEceAfter = eceAfter,
            CrossValidatedAccuracy = cvAccuracy,
        };
        return new TextClassifier(labels, vocabulary.ToVectorizer(corpus, options.Features), model.WithTemperature(temperature), metadata);
    }

    private static double[][] CrossFitLogits(
        FeaturizedCorpus corpus, int[] y, int classCount, int folds, TrainingOptions options, ProgressTracker tracker)
    {
        var fold = StratifiedFolds.Assign(y, classCount, folds, options.Seed);
        var logits = new double[corpus.Count][];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, corpus.Count).Where(i => fold[i] != f).ToArray();
            var held = Enumerable.Range(0, corpus.Count).Where(i => fold[i] == f).ToArray();
            var vocabulary = corpus.Vocabulary(train);
            var (model, _) = Fit(
                vocabulary.Rows(corpus, train, options.Features), [.. train.Select(i => y[i])], classCount, options, unchecked(options.Seed + ((f + 1) * 0x3C6EF372)),
                tracker.Stage($"fold {f + 1}/{folds}"));
            var scored = vocabulary.Rows(corpus, held, options.Features);
            for (var r = 0; r < held.Length; r++)
            {
                logits[held[r]] = model.Logits(Row(scored, r));
            }
        }

        return logits;
    }

    /// <summary>One-vs-rest: one SVM per label, run in parallel, each from its own seed. The seeds are spread apart by
    /// large odd multipliers: DeterministicRandom(s + 1) replays DeterministicRandom(s) one draw late.</summary>
    private static (LinearSoftmaxModel Model, int Passes) Fit(
        SparseMatrix x, int[] y, int classCount, TrainingOptions options, int seed, ProgressTracker tracker)
    {
        var results = new (double[] Weights, double Bias, int Passes)[classCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount };
        Parallel.For(0, classCount, parallel, k =>
        {
            results[k] = DualCoordinateDescent.Train(
                x, y, k, options.Cost, options.Tolerance, options.MaxIterations, unchecked((seed * 0x2545F491) + (k * 0x1B873593)));
            tracker.Completed();
        });

        var weights = new float[(long)x.Dimension * classCount];
        for (var k = 0; k < classCount; k++)
        {
            var w = results[k].Weights;
            for (var j = 0; j < w.Length; j++)
            {
                weights[((long)j * classCount) + k] = (float)w[j];
            }
        }

        var model = new LinearSoftmaxModel(classCount, x.Dimension, weights, [.. results.Select(r => r.Bias)], temperature: 1.0);
        return (model, results.Max(r => r.Passes));
    }

    private static SparseVector Row(SparseMatrix x, int r)
    {
        var start = x.RowStart[r];
        var length = x.RowStart[r + 1] - start;
        return new SparseVector(
            x.Columns.AsSpan(start, length).ToArray(),
            [.. x.Values.AsSpan(start, length).ToArray().Select(v => (double)v)]);
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

    /// <summary>Counts finished label fits across the stages and reports them; safe to call from parallel fits.</summary>
    private sealed class ProgressTracker(IProgress<TrainingProgress>? progress, int total)
    {
        private int _done;
        private string _stage = "";

        public int Done => Volatile.Read(ref _done);

        public ProgressTracker Stage(string stage)
        {
            _stage = stage;
            progress?.Report(new TrainingProgress(stage, Done, total));
            return this;
        }

        public void Completed()
        {
            var done = Interlocked.Increment(ref _done);
            progress?.Report(new TrainingProgress(_stage, done, total));
        }
    }
}
