namespace Serverless.Classification.Features;

/// <summary>Rows of sparse vectors in compressed sparse row form, with float values.</summary>
internal sealed class SparseMatrix(int[] rowStart, int[] columns, float[] values, int dimension)
{
    public int[] RowStart { get; } = rowStart;

    public int[] Columns { get; } = columns;

    public float[] Values { get; } = values;

    public int Dimension { get; } = dimension;

    public int RowCount => RowStart.Length - 1;
}
