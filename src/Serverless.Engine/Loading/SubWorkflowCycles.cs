namespace Serverless.Engine.Loading;

/// <summary>Finds sub-workflow references that lead back to the workflow that makes them (A -> B -> A), through any
/// number of workflows and nested blocks, and reports each on the step that makes it.</summary>
internal static class SubWorkflowCycles
{
    public static IEnumerable<(LoadedDocument Document, DefinitionProblem Problem)> Find(
        Dictionary<(string Id, int Version), LoadedDocument> nodes,
        Dictionary<string, List<int>> versions)
    {
        foreach (var ((id, version), document) in nodes)
        {
            foreach (var reference in document.SubWorkflows)
            {
                if (CatalogChecker.Resolve(reference, versions) is not { } target || target == (id, version))
                {
                    continue; // unknown targets are reported elsewhere; a self-reference is reported by the loader
                }

                if (ShortestPath(target, (id, version), nodes, versions) is { } back)
                {
                    var names = new[] { id }.Concat(back.Select(n => n.Id));
                    yield return (document, new DefinitionProblem(
                        document.Source,
                        reference.Path,
                        $"The sub-workflow '{reference.WorkflowId}' leads back to this workflow ({string.Join(" -> ", names)}), so the workflows would start each other without end."));
                }
            }
        }
    }

    /// <summary>Breadth-first search from <paramref name="from"/> to <paramref name="to"/>; the path includes both ends.</summary>
    private static List<(string Id, int Version)>? ShortestPath(
        (string Id, int Version) from,
        (string Id, int Version) to,
        Dictionary<(string Id, int Version), LoadedDocument> nodes,
        Dictionary<string, List<int>> versions)
    {
        var previous = new Dictionary<(string Id, int Version), (string Id, int Version)?> { [from] = null };
        var queue = new Queue<(string Id, int Version)>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<(string Id, int Version)>();
                for (var step = (ValueTuple<string, int>?)current; step is { } s; step = previous[s])
                {
                    path.Add(s);
                }

                path.Reverse();
                return path;
            }

            if (!nodes.TryGetValue(current, out var document))
            {
                continue;
            }

            foreach (var reference in document.SubWorkflows)
            {
                if (CatalogChecker.Resolve(reference, versions) is { } next && previous.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
