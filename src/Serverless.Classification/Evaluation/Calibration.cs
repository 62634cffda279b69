namespace Serverless.Classification.Evaluation;

public static class Calibration
{
    /// <summary>
    /// Expected calibration error: predictions are binned by confidence into equal-width bins, and the gap between
    /// each bin's accuracy and mean confidence is averaged, weighted by the bin's share of predictions.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<(double Confidence, bool Correct)> predictions, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new double[bins];
        foreach (var (p, ok) in predictions)
        {
            var bin = Math.Min(bins - 1, (int)(p * bins));
            count[bin]++;
            confidence[bin] += p;
            correct[bin] += ok ? 1 : 0;
        }

        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(correct[b] - confidence[b]) / predictions.Count;
            }
        }

        return ece;
    }
}
