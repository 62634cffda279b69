namespace Serverless.Classification.Features;

/// <summary>A sparse feature vector: strictly increasing indices and their values.</summary>
public sealed class SparseVector(int[] indices, double[] values)
{
    public int[] Indices { get; } = indices;

    public double[] Values { get; } = values;

    public int Count => Indices.Length;
}
