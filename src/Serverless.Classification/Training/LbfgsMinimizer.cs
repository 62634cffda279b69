namespace Serverless.Classification.Training;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search. Full-batch and free of randomness, so the
/// optimum it reaches depends only on the data and the regularisation.
/// </summary>
internal static class LbfgsMinimizer
{
    /// <summary>Computes the objective at x, writes its gradient into the second argument and returns the value.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    public static (double[] Solution, double Value, int Iterations) Minimize(
        Objective objective, double[] start, int maxIterations, double tolerance, int memory = 10)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = objective(x, g);
        var history = new LinkedList<(double[] S, double[] Y, double Rho)>();
        var iteration = 0;
        while (iteration < maxIterations && Norm(g) > tolerance * Math.Max(1.0, Norm(x)))
        {
            iteration++;
            var direction = Direction(g, history);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                history.Clear();
                direction = g.Select(v => -v).ToArray();
                slope = Dot(g, direction);
            }

            var step = history.Count == 0 ? 1.0 / Math.Max(1.0, Norm(g)) : 1.0;
            var candidate = new double[n];
            var candidateGradient = new double[n];
            double candidateValue;
            var attempts = 0;
            while (true)
            {
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = x[i] + (step * direction[i]);
                }

                candidateValue = objective(candidate, candidateGradient);
                if (candidateValue <= fx + (1e-4 * step * slope) || ++attempts > 40)
                {
                    break;
                }

                step *= 0.5;
            }

            if (attempts > 40)
            {
                break;
            }

            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = candidate[i] - x[i];
                y[i] = candidateGradient[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12)
            {
                history.AddLast((s, y, 1.0 / sy));
                if (history.Count > memory)
                {
                    history.RemoveFirst();
                }
            }

            var improvement = (fx - candidateValue) / Math.Max(1.0, Math.Abs(fx));
            (x, g, fx) = (candidate, candidateGradient, candidateValue);
            if (improvement < 1e-12)
            {
                break;
            }
        }

        return (x, fx, iteration);
    }

    private static double[] Direction(double[] g, LinkedList<(double[] S, double[] Y, double Rho)> history)
    {
        var q = (double[])g.Clone();
        var alphas = new Stack<double>();
        for (var node = history.Last; node is not null; node = node.Previous)
        {
            var (s, y, rho) = node.Value;
            var alpha = rho * Dot(s, q);
            alphas.Push(alpha);
            Axpy(-alpha, y, q);
        }

        if (history.Last is { } last)
        {
            var gamma = Dot(last.Value.S, last.Value.Y) / Dot(last.Value.Y, last.Value.Y);
            for (var i = 0; i < q.Length; i++)
            {
                q[i] *= gamma;
            }
        }

        for (var node = history.First; node is not null; node = node.Next)
        {
            var (s, y, rho) = node.Value;
            var beta = rho * Dot(y, q);
            Axpy(alphas.Pop() - beta, s, q);
        }

        for (var i = 0; i < q.Length; i++)
        {
            q[i] = -q[i];
        }

        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
