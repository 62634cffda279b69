using System.Diagnostics;
using System.Globalization;
using Serverless.Classification.Training;

namespace Serverless.Classifier.Cli;

/// <summary>
/// Draws training progress on one line of <paramref name="writer"/> (standard error): stage, a bar over the label fits,
/// elapsed time and an ETA from the rate so far. Redraws at most ten times a second, then ends the line on <see cref="Finish"/>.
/// </summary>
internal sealed class ProgressBar(TextWriter writer) : IProgress<TrainingProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _lastDraw;
    private bool _drawn;

    public void Report(TrainingProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (value.Done < value.Total && _lastDraw is { } last && now - last < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _lastDraw = now;
            _drawn = true;
            writer.Write('\r' + Line(value, now));
            writer.Flush();
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                writer.WriteLine();
            }
        }
    }

    internal static string Line(TrainingProgress value, TimeSpan elapsed)
    {
        var share = value.Total == 0 ? 0 : Math.Clamp(value.Done / (double)value.Total, 0, 1);
        var filled = (int)Math.Round(share * Width);
        var eta = value.Done == 0 ? "ETA --" : string.Create(CultureInfo.InvariantCulture,
            $"ETA {elapsed.TotalSeconds * (value.Total - value.Done) / value.Done:F0} s");
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} fits, {value.Stage,-12} {elapsed.TotalSeconds:F1} s, {eta}   ");
    }
}
