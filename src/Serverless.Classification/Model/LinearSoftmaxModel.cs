using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>Multinomial logistic regression: logits = W x + b, probabilities = softmax(logits / temperature).</summary>
public sealed class LinearSoftmaxModel
{
    public LinearSoftmaxModel(int classCount, int dimension, double[] weights, double[] bias, double temperature)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (classCount < 2)
        {
            throw new ArgumentException("A classifier needs at least two labels.", nameof(classCount));
        }

        if (weights.Length != classCount * dimension || bias.Length != classCount)
        {
            throw new ArgumentException(
                $"Expected {classCount}x{dimension} weights and {classCount} biases, got {weights.Length} and {bias.Length}.");
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentException($"Temperature must be a positive number, got {temperature}.", nameof(temperature));
        }

        ClassCount = classCount;
        Dimension = dimension;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
    }

    public int ClassCount { get; }

    public int Dimension { get; }

    /// <summary>Row-major: the weight of feature j for class k is at k * Dimension + j.</summary>
    public double[] Weights { get; }

    public double[] Bias { get; }

    public double Temperature { get; }

    public LinearSoftmaxModel WithTemperature(double temperature) =>
        new(ClassCount, Dimension, Weights, Bias, temperature);

    public double[] Logits(SparseVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Logits(Weights, Bias, Dimension, x);
    }

    public double[] Probabilities(SparseVector x)
    {
        var logits = Logits(x);
        for (var k = 0; k < logits.Length; k++)
        {
            logits[k] /= Temperature;
        }

        Softmax.InPlace(logits);
        return logits;
    }

    internal static double[] Logits(double[] weights, double[] bias, int dimension, SparseVector x)
    {
        var logits = new double[bias.Length];
        for (var k = 0; k < bias.Length; k++)
        {
            var sum = bias[k];
            var row = k * dimension;
            for (var n = 0; n < x.Count; n++)
            {
                sum += weights[row + x.Indices[n]] * x.Values[n];
            }

            logits[k] = sum;
        }

        return logits;
    }
}
