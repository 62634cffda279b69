using System.Runtime.CompilerServices;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Interpreter;

/// <summary>Blocks and steps of a definition by name, computed once per definition object.</summary>
internal sealed class DefinitionIndex
{
    public const string RootBlock = "root";

    private static readonly ConditionalWeakTable<WorkflowDefinition, DefinitionIndex> Cache = [];

    private readonly Dictionary<string, IReadOnlyList<Step>> blocks = [];
    private readonly Dictionary<string, Step> steps = [];

    private DefinitionIndex(WorkflowDefinition definition) => AddBlock(RootBlock, definition.Steps);

    public static DefinitionIndex For(WorkflowDefinition definition) => Cache.GetValue(definition, d => new DefinitionIndex(d));

    public static string BlockOf(string stepId, string branch) => $"{stepId}.{branch}";

    public IReadOnlyList<Step> Block(string name) =>
        blocks.TryGetValue(name, out var block) ? block : throw new InvalidOperationException($"The definition has no block '{name}'.");

    public Step Step(string stepId) =>
        steps.TryGetValue(stepId, out var step) ? step : throw new InvalidOperationException($"The definition has no step '{stepId}'.");

    private void AddBlock(string name, IReadOnlyList<Step> block)
    {
        blocks[name] = block;
        foreach (var step in block)
        {
            steps[step.Id] = step;
            switch (step)
            {
                case IfStep s:
                    AddBlock(BlockOf(s.Id, "then"), s.Then);
                    AddBlock(BlockOf(s.Id, "else"), s.Else);
                    break;
                case SwitchStep s:
                    for (var i = 0; i < s.Cases.Count; i++)
                    {
                        AddBlock(BlockOf(s.Id, $"case{i}"), s.Cases[i].Steps);
                    }

                    AddBlock(BlockOf(s.Id, "default"), s.Default);
                    break;
                case ForEachStep s:
                    AddBlock(BlockOf(s.Id, "body"), s.Steps);
                    break;
                case WaitForEventStep s:
                    AddBlock(BlockOf(s.Id, "onTimeout"), s.OnTimeout);
                    break;
            }
        }
    }
}
