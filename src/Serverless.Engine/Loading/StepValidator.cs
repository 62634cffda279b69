using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>Checks blocks of steps: the fields every step has, then the rules of its type.</summary>
internal static class StepValidator
{
    private static readonly string[] Common = ["id", "name", "type"];

    private static readonly Dictionary<string, StepRules> Rules = new(StringComparer.Ordinal)
    {
        [StepTypes.Activity] = new(["activity", "input", "retry", "timeout", "onError", "fallback"], ActivityStepRules.Validate),
        [StepTypes.If] = new(["condition", "then", "else"], BranchStepRules.ValidateIf),
        [StepTypes.Switch] = new(["value", "cases", "default"], BranchStepRules.ValidateSwitch),
        [StepTypes.ForEach] = new(["items", "as", "mode", "maxConcurrency", "steps", "output"], BranchStepRules.ValidateForEach),
        [StepTypes.Wait] = new(["duration", "until"], WaitStepRules.ValidateWait),
        [StepTypes.WaitForEvent] = new(["event", "timeout", "onTimeout"], WaitStepRules.ValidateWaitForEvent),
        [StepTypes.Approval] = new(
            ["approvers", "channels", "message", "item", "reminder", "deadline", "onTimeout", "notifyActivity"],
            ApprovalStepRules.Validate),
        [StepTypes.SubWorkflow] = new(["workflow", "version", "input", "onError"], DataStepRules.ValidateSubWorkflow),
        [StepTypes.Set] = new(["variables"], DataStepRules.ValidateSet),
        [StepTypes.Emit] = new(["channel", "payload"], DataStepRules.ValidateEmit),
        [StepTypes.Terminate] = new(["status", "reason", "output"], DataStepRules.ValidateTerminate),
    };

    /// <summary>Validates the array named <paramref name="name"/> of <paramref name="obj"/> as a block of steps.</summary>
    public static JsonArray? ValidateBlock(ValidationContext context, JsonObject obj, string path, string name)
    {
        var block = Fields.Array(context, obj, path, name, Need.Defaulted);
        if (block is not null)
        {
            ValidateBlock(context, block, JsonPaths.Property(path, name));
        }

        return block;
    }

    public static void ValidateBlock(ValidationContext context, JsonArray steps, string path)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            ValidateStep(context, steps[i], JsonPaths.Index(path, i));
        }
    }

    private static void ValidateStep(ValidationContext context, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            context.Report(path, $"A step must be a JSON object, not {JsonKinds.Describe(node)}.");
            return;
        }

        RegisterId(context, obj, path);
        Fields.String(context, obj, path, "name", Need.Optional);

        var type = Fields.String(context, obj, path, "type", Need.Required);
        if (type is null)
        {
            return;
        }

        if (!Rules.TryGetValue(type, out var rules))
        {
            context.Report(
                JsonPaths.Property(path, "type"),
                $"Unknown step type '{type}'; the step types are {Suggestions.List(StepTypes.All)}{Suggestions.Ending(type, StepTypes.All)}");
            return;
        }

        KnownProperties.Check(context, obj, path, [.. Common, .. rules.Properties]);
        rules.Validate(context, obj, path);
    }

    private static void RegisterId(ValidationContext context, JsonObject obj, string path)
    {
        var id = Fields.String(context, obj, path, "id", Need.Required);
        if (id is null)
        {
            return;
        }

        if (!Identifiers.IsStepId(id))
        {
            context.Report(JsonPaths.Property(path, "id"), $"The step id '{id}' may hold only {Identifiers.StepIdRule}, so templates can refer to it as steps.<id>.");
        }
        else if (context.StepIds.TryGetValue(id, out var first))
        {
            context.Report(
                JsonPaths.Property(path, "id"),
                $"Duplicate step id '{id}': the step at {first} already uses it, and step ids must be unique across the whole workflow, nested blocks included.");
        }
        else
        {
            context.StepIds.Add(id, path);
        }
    }

    private sealed record StepRules(string[] Properties, Action<ValidationContext, JsonObject, string> Validate);
}
