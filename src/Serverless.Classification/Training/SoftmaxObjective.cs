using Serverless.Classification.Features;
using Serverless.Classification.Model;

namespace Serverless.Classification.Training;

/// <summary>Mean cross-entropy of a linear softmax model plus (l2 / 2) * ||W||^2 (biases are not penalised).</summary>
internal sealed class SoftmaxObjective(IReadOnlyList<SparseVector> inputs, IReadOnlyList<int> labels, int classCount, int dimension, double l2)
{
    public int ParameterCount => (classCount * dimension) + classCount;

    public double Evaluate(double[] parameters, double[] gradient)
    {
        Array.Clear(gradient);
        var biasOffset = classCount * dimension;
        var bias = parameters.AsSpan(biasOffset).ToArray();
        var scale = 1.0 / inputs.Count;
        var loss = 0.0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var probabilities = LinearSoftmaxModel.Logits(parameters, bias, dimension, x);
            Softmax.InPlace(probabilities);
            loss -= Math.Log(Math.Max(probabilities[labels[i]], 1e-300));
            for (var k = 0; k < classCount; k++)
            {
                var error = (probabilities[k] - (k == labels[i] ? 1.0 : 0.0)) * scale;
                var row = k * dimension;
                for (var n = 0; n < x.Count; n++)
                {
                    gradient[row + x.Indices[n]] += error * x.Values[n];
                }

                gradient[biasOffset + k] += error;
            }
        }

        var penalty = 0.0;
        for (var j = 0; j < biasOffset; j++)
        {
            penalty += parameters[j] * parameters[j];
            gradient[j] += l2 * parameters[j];
        }

        return (loss * scale) + (0.5 * l2 * penalty);
    }
}
