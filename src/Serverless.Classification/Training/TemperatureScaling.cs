using Serverless.Classification.Model;

namespace Serverless.Classification.Training;

/// <summary>Finds the temperature T minimising the log-loss of softmax(logits / T) on held-out predictions.</summary>
internal static class TemperatureScaling
{
    private const double MinLogT = -5.0;
    private const double MaxLogT = 3.5;

    public static double Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        // The held-out log-loss is convex in 1/T, so a golden-section search over log T finds its minimum.
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = MinLogT, b = MaxLogT;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        double fc = Loss(logits, labels, Math.Exp(c)), fd = Loss(logits, labels, Math.Exp(d));
        for (var i = 0; i < 80; i++)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (ratio * (b - a));
                fc = Loss(logits, labels, Math.Exp(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (ratio * (b - a));
                fd = Loss(logits, labels, Math.Exp(d));
            }
        }

        return Math.Exp((a + b) / 2);
    }

    public static double Loss(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            total += Softmax.NegativeLogLikelihood(logits[i], labels[i], temperature);
        }

        return total / logits.Count;
    }
}
