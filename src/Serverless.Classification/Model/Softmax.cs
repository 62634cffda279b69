namespace Serverless.Classification.Model;

internal static class Softmax
{
    /// <summary>Replaces logits by their softmax, shifted by the maximum so large logits cannot overflow.</summary>
    public static void InPlace(double[] logits)
    {
        var max = logits.Max();
        var sum = 0.0;
        for (var k = 0; k < logits.Length; k++)
        {
            logits[k] = Math.Exp(logits[k] - max);
            sum += logits[k];
        }

        for (var k = 0; k < logits.Length; k++)
        {
            logits[k] /= sum;
        }
    }

    /// <summary>-log softmax(logits / temperature)[label], computed stably.</summary>
    public static double NegativeLogLikelihood(double[] logits, int label, double temperature)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z / temperature);
        }

        var sum = 0.0;
        foreach (var z in logits)
        {
            sum += Math.Exp((z / temperature) - max);
        }

        return max + Math.Log(sum) - (logits[label] / temperature);
    }
}
