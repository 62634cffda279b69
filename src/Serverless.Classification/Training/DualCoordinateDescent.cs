using Serverless.Classification.Features;

namespace Serverless.Classification.Training;

/// <summary>
/// One binary L2-regularised, squared-hinge (L2-loss) linear SVM, solved in the dual by coordinate descent with
/// shrinking (Hsieh et al., ICML 2008; the solver behind liblinear and scikit-learn's LinearSVC). It minimises
/// 0.5 ||w||^2 + C sum max(0, 1 - y_i (w x_i + b))^2, with the bias as an extra feature of value 1 (penalised, as in
/// liblinear). Each pass visits the active examples in an order drawn from a seeded generator, so a seed fixes the result.
/// </summary>
internal static class DualCoordinateDescent
{
    private const double BiasFeature = 1.0;

    /// <summary>Trains "positive vs the rest"; returns the weights, the bias and the passes run.</summary>
    public static (double[] Weights, double Bias, int Passes) Train(
        SparseMatrix x, int[] labels, int positive, double cost, double tolerance, int maxPasses, int seed)
    {
        var n = x.RowCount;
        var w = new double[x.Dimension];
        var bias = 0.0;
        var alpha = new double[n];
        var diagonal = 0.5 / cost;
        var q = new double[n];
        var y = new sbyte[n];
        var index = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            var squared = BiasFeature * BiasFeature;
            for (var p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
            {
                squared += x.Values[p] * (double)x.Values[p];
            }

            q[i] = squared + diagonal;
            index[i] = i;
        }

        var random = new DeterministicRandom(seed);
        var active = n;
        double projectedMaxOld = double.PositiveInfinity, projectedMinOld = double.NegativeInfinity;
        var pass = 0;
        while (pass < maxPasses)
        {
            pass++;
            for (var s = 0; s < active; s++)
            {
                var j = s + random.Next(active - s);
                (index[s], index[j]) = (index[j], index[s]);
            }

            double projectedMax = double.NegativeInfinity, projectedMin = double.PositiveInfinity;
            for (var s = 0; s < active; s++)
            {
                var i = index[s];
                var start = x.RowStart[i];
                var end = x.RowStart[i + 1];
                var margin = bias * BiasFeature;
                for (var p = start; p < end; p++)
                {
                    margin += w[x.Columns[p]] * x.Values[p];
                }

                var gradient = (y[i] * margin) - 1 + (diagonal * alpha[i]);
                var projected = gradient;
                if (alpha[i] == 0)
                {
                    if (gradient > projectedMaxOld)
                    {
                        // Shrinking: an example at its bound whose gradient points outward is left out until the end.
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }

                    projected = Math.Min(gradient, 0);
                }

                projectedMax = Math.Max(projectedMax, projected);
                projectedMin = Math.Min(projectedMin, projected);
                if (Math.Abs(projected) > 1e-12)
                {
                    var old = alpha[i];
                    alpha[i] = Math.Max(old - (gradient / q[i]), 0);
                    var step = (alpha[i] - old) * y[i];
                    for (var p = start; p < end; p++)
                    {
                        w[x.Columns[p]] += step * x.Values[p];
                    }

                    bias += step * BiasFeature;
                }
            }

            if (projectedMax - projectedMin <= tolerance)
            {
                if (active == n)
                {
                    break;
                }

                // Converged on the active set: check every example once more before stopping.
                active = n;
                projectedMaxOld = double.PositiveInfinity;
                projectedMinOld = double.NegativeInfinity;
                continue;
            }

            projectedMaxOld = projectedMax <= 0 ? double.PositiveInfinity : projectedMax;
            projectedMinOld = projectedMin >= 0 ? double.NegativeInfinity : projectedMin;
        }

        return (w, bias * BiasFeature, pass);
    }
}
