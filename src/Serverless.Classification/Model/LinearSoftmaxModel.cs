using Serverless.Classification.Features;

namespace Serverless.Classification.Model;

/// <summary>
/// A linear scorer per label, turned into probabilities by a softmax: logits = W x + b, probabilities =
/// softmax(logits / temperature). The weights are floats, stored feature-major so that one sparse feature adds to
/// every label's score from one contiguous run.
/// </summary>
public sealed class LinearSoftmaxModel
{
    public LinearSoftmaxModel(int classCount, int dimension, float[] weights, double[] bias, double temperature)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (classCount < 2)
        {
            throw new ArgumentException("A classifier needs at least two labels.", nameof(classCount));
        }

        if (weights.Length != (long)classCount * dimension || bias.Length != classCount)
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

    /// <summary>Feature-major: the weight of feature j for class k is at j * ClassCount + k.</summary>
    public float[] Weights { get; }

    public double[] Bias { get; }

    public double Temperature { get; }

    public LinearSoftmaxModel WithTemperature(double temperature) =>
        new(ClassCount, Dimension, Weights, Bias, temperature);

    public double[] Logits(SparseVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var logits = (double[])Bias.Clone();
        for (var n = 0; n < x.Count; n++)
        {
            var row = x.Indices[n] * ClassCount;
            var value = x.Values[n];
            for (var k = 0; k < logits.Length; k++)
            {
                logits[k] += Weights[row + k] * value;
            }
        }

        return logits;
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
}
