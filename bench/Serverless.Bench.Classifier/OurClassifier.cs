using System.Diagnostics;
using System.Globalization;
using Serverless.Classification.Data;
using Serverless.Classification.Evaluation;
using Serverless.Classification.Model;
using Serverless.Classification.Text;
using Serverless.Classification.Training;

namespace Serverless.Bench.Classifier;

/// <summary>Trains the built-in classifier, then measures its quality, prediction rate and latency, and model load time.</summary>
internal sealed record OurClassifier(
    double TrainSeconds,
    string Stages,
    string PredictionBreakdown,
    long PeakWorkingSet,
    int Features,
    EvaluationReport Report,
    ModelMetadata Metadata,
    double PredictionsPerSecond,
    double P50Ms,
    double P99Ms,
    double LoadSeconds,
    long ModelBytes)
{
    public static OurClassifier Run(List<LabeledExample> train, List<LabeledExample> test, TrainingOptions options, string folder)
    {
        var stages = new StageClock();
        var clock = Stopwatch.StartNew();
        var classifier = TextClassifierTrainer.Train(train, options, stages);
        clock.Stop();
        stages.End();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;

        var report = ClassificationEvaluator.Evaluate(classifier, test);
        var (rate, p50, p99) = MeasurePrediction(classifier, test);
        var breakdown = Breakdown(classifier, test);

        var path = Path.Combine(folder, "model.json");
        using (var stream = File.Create(path))
        {
            classifier.Save(stream);
        }

        var load = Stopwatch.StartNew();
        using (var stream = File.OpenRead(path))
        {
            _ = TextClassifier.Load(stream);
        }

        load.Stop();
        return new OurClassifier(clock.Elapsed.TotalSeconds, stages.Summary(), breakdown, peak, classifier.Vectorizer.Dimension, report, classifier.Metadata,
            rate, p50, p99, load.Elapsed.TotalSeconds, new FileInfo(path).Length);
    }

    /// <summary>One thread predicting every test text in turn, three passes after a warm-up pass.</summary>
    private static (double Rate, double P50Ms, double P99Ms) MeasurePrediction(TextClassifier classifier, List<LabeledExample> test)
    {
        foreach (var e in test)
        {
            classifier.Predict(e.Text);
        }

        var latencies = new List<double>(test.Count * 3);
        var total = Stopwatch.StartNew();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var e in test)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Predict(e.Text);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        total.Stop();
        latencies.Sort();
        return (latencies.Count / total.Elapsed.TotalSeconds, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }

    /// <summary>Mean microseconds per text of normalising, of featurising (normalising included) and of the whole prediction.</summary>
    private static string Breakdown(TextClassifier classifier, List<LabeledExample> test)
    {
        double Mean(Action<string> step)
        {
            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < 3; pass++)
            {
                foreach (var e in test)
                {
                    step(e.Text);
                }
            }

            return clock.Elapsed.TotalMicroseconds / (3.0 * test.Count);
        }

        var options = classifier.Vectorizer.Options;
        var tokenize = Mean(t => TextNormalizer.Tokenize(t, options.KeepStopWords));
        var transform = Mean(t => classifier.Vectorizer.Transform(t));
        var predict = Mean(t => classifier.Predict(t));
        return string.Create(CultureInfo.InvariantCulture, $"normalise {tokenize:F1} us, featurise {transform:F1} us, predict {predict:F1} us");
    }

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"ours: train {TrainSeconds:F2} s wall (cross-fit calibration included), peak working set {PeakWorkingSet / 1048576.0:F0} MiB, {Features:N0} features"));
        output.WriteLine($"ours: stages {Stages}");
        output.WriteLine(string.Create(c, $"ours: accuracy {Report.Accuracy:F4}, macro-F1 {Report.MacroF1:F4}, test ECE {Report.ExpectedCalibrationError:F4}, log-loss {Report.LogLoss:F4}"));
        output.WriteLine(string.Create(c, $"ours: cross-fit ECE before calibration {Metadata.CrossValidatedEceBefore:F4}, after {Metadata.CrossValidatedEceAfter:F4} ({Metadata.CalibrationFolds} folds, cross-fit accuracy {Metadata.CrossValidatedAccuracy:F4})"));
        output.WriteLine(string.Create(c, $"ours: {PredictionsPerSecond:N0} predictions/s on one thread, latency p50 {P50Ms:F3} ms, p99 {P99Ms:F3} ms"));
        output.WriteLine($"ours: mean time per text: {PredictionBreakdown}");
        output.WriteLine(string.Create(c, $"ours: model file {ModelBytes / 1048576.0:F1} MiB, loads in {LoadSeconds:F3} s"));
    }

    /// <summary>When each training stage began, from the trainer's progress reports; each stage lasts until the next.</summary>
    private sealed class StageClock : IProgress<TrainingProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(string Stage, TimeSpan Start)> _starts = [];
        private readonly Lock _gate = new();
        private TimeSpan _end;

        public void Report(TrainingProgress value)
        {
            lock (_gate)
            {
                if (_starts.Count == 0 || _starts[^1].Stage != value.Stage)
                {
                    _starts.Add((value.Stage, _clock.Elapsed));
                }
            }
        }

        public void End() => _end = _clock.Elapsed;

        public string Summary() => string.Join(", ", _starts.Select((s, i) => string.Create(CultureInfo.InvariantCulture,
            $"{s.Stage} {((i + 1 < _starts.Count ? _starts[i + 1].Start : _end) - s.Start).TotalSeconds:F2} s")));
    }
}
