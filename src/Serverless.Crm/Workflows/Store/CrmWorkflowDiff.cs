using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows.Store;

/// <summary>One difference between two versions: its JSON path, and the value before and after (null when absent).</summary>
public sealed record CrmWorkflowChange(string Path, string Kind, JsonNode? From, JsonNode? To);

/// <summary>What changed between two versions of a definition, as JSON paths ($.actions[1].config.subject):
/// objects are compared property by property, arrays item by item (an item added or removed at the end is one
/// change), anything else as a whole.</summary>
public static class CrmWorkflowDiff
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    public static IReadOnlyList<CrmWorkflowChange> Between(JsonNode? from, JsonNode? to)
    {
        var changes = new List<CrmWorkflowChange>();
        Compare("$", from, to, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? from, JsonNode? to, List<CrmWorkflowChange> changes)
    {
        switch (from, to)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var child = $"{path}.{name}";
                    var inA = a.TryGetPropertyValue(name, out var va);
                    var inB = b.TryGetPropertyValue(name, out var vb);
                    if (inA && !inB)
                    {
                        changes.Add(new CrmWorkflowChange(child, Removed, va?.DeepClone(), null));
                    }
                    else if (!inA && inB)
                    {
                        changes.Add(new CrmWorkflowChange(child, Added, null, vb?.DeepClone()));
                    }
                    else
                    {
                        Compare(child, va, vb, changes);
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var child = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    if (i >= b.Count)
                    {
                        changes.Add(new CrmWorkflowChange(child, Removed, a[i]?.DeepClone(), null));
                    }
                    else if (i >= a.Count)
                    {
                        changes.Add(new CrmWorkflowChange(child, Added, null, b[i]?.DeepClone()));
                    }
                    else
                    {
                        Compare(child, a[i], b[i], changes);
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(from, to))
                {
                    changes.Add(new CrmWorkflowChange(path, Changed, from?.DeepClone(), to?.DeepClone()));
                }

                break;
        }
    }
}
