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
        var labels = examples.Select(e => e.Label).ToArray();
        var fits = FitCount(labels, options, nameof(examples));
        progress?.Report(new TrainingProgress("featurizing", 0, fits));
        var corpus = FeaturizedCorpus.Build([.. examples.Select(e => e.Text)], options.Features);
        var final = new FinalFeatures(corpus, options.Features);
        return TrainHead(corpus, final, labels, options, new ProgressTracker(progress, fits));
    }

    /// <summary>
    /// Trains one classifier per label set (for example "category" and "priority") on the same texts, featurised once.
    /// <paramref name="labelSets"/> maps each set's name to one label per text. The classifiers share one vectorizer,
    /// so <see cref="ClassifierSet.Predict"/> featurises a text once for all of them.
    /// </summary>
    public static ClassifierSet TrainSet(
        IReadOnlyList<string> texts, IReadOnlyDictionary<string, IReadOnlyList<string>> labelSets,
        TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labelSets);
        options ??= new TrainingOptions();
        if (labelSets.Count == 0)
        {
            throw new ArgumentException("At least one label set is needed.", nameof(labelSets));
        }

        var ordered = labelSets.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        foreach (var (name, labels) in ordered)
        {
            if (labels.Count != texts.Count)
            {
                throw new ArgumentException($"Label set '{name}' has {labels.Count} labels for {texts.Count} texts.", nameof(labelSets));
            }
        }

        var fits = ordered.Sum(pair => FitCount([.. pair.Value], options, nameof(labelSets), pair.Key));
        progress?.Report(new TrainingProgress("featurizing", 0, fits));
        var corpus = FeaturizedCorpus.Build(texts, options.Features);
        var final = new FinalFeatures(corpus, options.Features);
        var tracker = new ProgressTracker(progress, fits);
        var heads = ordered.ToDictionary(
            pair => pair.Key, pair => TrainHead(corpus, final, [.. pair.Value], options, tracker, pair.Key + ": "), StringComparer.Ordinal);
        return new ClassifierSet(heads);
    }

    /// <summary>Label fits a run does (folds + final, times labels); refuses fewer than two distinct labels.</summary>
    private static int FitCount(string[] labels, TrainingOptions options, string parameter, string? set = null)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).Count();
        if (distinct < 2)
        {
            var which = set is null ? "" : $" (label set '{set}')";
            throw new ArgumentException($"Training needs at least two distinct labels{which}; found {distinct}.", parameter);
        }

        var smallest = labels.GroupBy(l => l, StringComparer.Ordinal).Min(g => g.Count());
        var folds = Math.Min(options.CalibrationFolds, smallest);
        return (folds >= 2 ? folds + 1 : 1) * distinct;
    }

    private static TextClassifier TrainHead(
        FeaturizedCorpus corpus, FinalFeatures final, string[] labelPerText, TrainingOptions options, ProgressTracker tracker,
        string stagePrefix = "")
    {
        var labels = labelPerText.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var y = labelPerText.Select(l => Array.BinarySearch(labels, l, StringComparer.Ordinal)).ToArray();
        var smallestClass = labels.Select((_, k) => y.Count(v => v == k)).Min();
        var folds = Math.Min(options.CalibrationFolds, smallestClass);

        var temperature = 1.0;
        double eceBefore = 0, eceAfter = 0, cvAccuracy = 0;
        if (folds >= 2)
        {
            var outOfFold = CrossFitLogits(corpus, y, labels.Length, folds, options, tracker, stagePrefix);
            tracker.Stage(stagePrefix + "calibrating");
            temperature = TemperatureScaling.Fit(outOfFold, y);
            eceBefore = Ece(outOfFold, y, 1.0);
            eceAfter = Ece(outOfFold, y, temperature);
            cvAccuracy = outOfFold.Select((z, i) => ArgMax(z) == y[i]).Count(ok => ok) / (double)y.Length;
        }

        var (model, passes) = Fit(final.Rows, y, labels.Length, options, options.Seed, tracker.Stage(stagePrefix + "final fit"));
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
        return new TextClassifier(labels, final.Vectorizer, model.WithTemperature(temperature), metadata);
    }

    private static double[][] CrossFitLogits(
        FeaturizedCorpus corpus, int[] y, int classCount, int folds, TrainingOptions options, ProgressTracker tracker, string stagePrefix)
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
                tracker.Stage($"{stagePrefix}fold {f + 1}/{folds}"));
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

    /// <summary>The vocabulary of all training texts, its vectorizer and the texts' rows: what every final fit uses.</summary>
    private sealed class FinalFeatures
    {
        public FinalFeatures(FeaturizedCorpus corpus, FeatureOptions options)
        {
            var all = Enumerable.Range(0, corpus.Count).ToArray();
            var vocabulary = corpus.Vocabulary(all);
            Rows = vocabulary.Rows(corpus, all, options);
            Vectorizer = vocabulary.ToVectorizer(corpus, options);
        }

        public SparseMatrix Rows { get; }

        public TfIdfVectorizer Vectorizer { get; }
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
