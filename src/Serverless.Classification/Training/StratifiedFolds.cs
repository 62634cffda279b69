namespace Serverless.Classification.Training;

internal static class StratifiedFolds
{
    /// <summary>Assigns each example a fold in [0, folds), keeping each label's share about equal in every fold.</summary>
    public static int[] Assign(IReadOnlyList<int> labels, int classCount, int folds, int seed)
    {
        var random = new DeterministicRandom(seed);
        var assignment = new int[labels.Count];
        for (var k = 0; k < classCount; k++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == k).ToList();
            random.Shuffle(members);
            for (var position = 0; position < members.Count; position++)
            {
                assignment[members[position]] = position % folds;
            }
        }

        return assignment;
    }
}
