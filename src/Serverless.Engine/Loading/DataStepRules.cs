using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>subWorkflow, set, emit and terminate: steps that pass data on.</summary>
internal static class DataStepRules
{
    private static readonly IReadOnlyList<string> SubWorkflowOnError = [OnErrorPolicies.Fail, OnErrorPolicies.Continue];

    public static void ValidateSubWorkflow(ValidationContext context, JsonObject obj, string path)
    {
        var workflow = Fields.String(context, obj, path, "workflow", Need.Required);
        var version = Fields.Integer(context, obj, path, "version", Need.Optional, minimum: 1);
        if (workflow is not null)
        {
            if (Identifiers.IsWorkflowId(workflow))
            {
                var versionUsable = version is not null || obj["version"] is null;
                context.SubWorkflows.Add(new SubWorkflowReference(workflow, versionUsable ? version : null, JsonPaths.Property(path, "workflow")));
            }
            else
            {
                context.Report(JsonPaths.Property(path, "workflow"), $"'{workflow}' is not a workflow id: it may hold only {Identifiers.WorkflowIdRule}.");
            }
        }

        context.AddTemplates(obj["input"], JsonPaths.Property(path, "input"));
        Fields.OneOf(context, obj, path, "onError", Need.Defaulted, SubWorkflowOnError);
    }

    public static void ValidateSet(ValidationContext context, JsonObject obj, string path)
    {
        var variables = Fields.Object(context, obj, path, "variables", Need.Required);
        if (variables is null)
        {
            return;
        }

        var variablesPath = JsonPaths.Property(path, "variables");
        if (variables.Count == 0)
        {
            context.Report(variablesPath, "'variables' needs at least one variable to set.");
        }

        foreach (var (name, value) in variables)
        {
            if (!Identifiers.IsStepId(name))
            {
                context.Report(JsonPaths.Property(variablesPath, name), $"The variable name '{name}' may hold only {Identifiers.StepIdRule}, so templates can read it as vars.<name>.");
            }

            context.AddTemplates(value, JsonPaths.Property(variablesPath, name));
        }
    }

    public static void ValidateEmit(ValidationContext context, JsonObject obj, string path)
    {
        Fields.String(context, obj, path, "channel", Need.Required);
        context.AddTemplates(obj["payload"], JsonPaths.Property(path, "payload"));
    }

    public static void ValidateTerminate(ValidationContext context, JsonObject obj, string path)
    {
        Fields.OneOf(context, obj, path, "status", Need.Defaulted, TerminateStatuses.All);
        if (Fields.String(context, obj, path, "reason", Need.Optional) is not null)
        {
            context.AddTemplates(obj["reason"], JsonPaths.Property(path, "reason"));
        }

        context.AddTemplates(obj["output"], JsonPaths.Property(path, "output"));
    }
}
