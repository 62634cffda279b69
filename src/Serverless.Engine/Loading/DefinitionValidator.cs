using System.Text.Json.Nodes;

namespace Serverless.Engine.Loading;

/// <summary>Checks a whole definition document and collects every problem in it.</summary>
internal static class DefinitionValidator
{
    public const string SchemaProperty = "$schema";

    private static readonly string[] Properties = [SchemaProperty, "id", "version", "name", "description", "triggers", "steps", "output"];

    public static void Validate(ValidationContext context, JsonNode? root)
    {
        const string path = JsonPaths.Root;
        if (root is not JsonObject obj)
        {
            context.Report(path, $"A workflow definition must be a JSON object, not {JsonKinds.Describe(root)}.");
            return;
        }

        KnownProperties.Check(context, obj, path, Properties);
        Fields.String(context, obj, path, SchemaProperty, Need.Optional);
        Fields.String(context, obj, path, "name", Need.Optional);
        Fields.String(context, obj, path, "description", Need.Optional);

        var id = Fields.String(context, obj, path, "id", Need.Required);
        if (id is not null && !Identifiers.IsWorkflowId(id))
        {
            context.Report(JsonPaths.Property(path, "id"), $"The workflow id '{id}' may hold only {Identifiers.WorkflowIdRule}.");
        }

        context.WorkflowId = id;
        context.WorkflowVersion = Fields.Integer(context, obj, path, "version", Need.Defaulted, minimum: 1) ?? 1;

        if (Fields.Array(context, obj, path, "triggers", Need.Defaulted) is { } triggers)
        {
            for (var i = 0; i < triggers.Count; i++)
            {
                TriggerValidator.Validate(context, triggers[i], JsonPaths.Index(JsonPaths.Property(path, "triggers"), i));
            }
        }

        if (Fields.Array(context, obj, path, "steps", Need.Required) is { } steps)
        {
            if (steps.Count == 0)
            {
                context.Report(JsonPaths.Property(path, "steps"), "'steps' needs at least one step.");
            }

            StepValidator.ValidateBlock(context, steps, JsonPaths.Property(path, "steps"));
        }

        context.AddTemplates(obj["output"], JsonPaths.Property(path, "output"));

        ReportSelfReferences(context);
        TemplateChecker.Check(context);
    }

    private static void ReportSelfReferences(ValidationContext context)
    {
        foreach (var reference in context.SubWorkflows)
        {
            if (reference.WorkflowId == context.WorkflowId && (reference.Version ?? context.WorkflowVersion) == context.WorkflowVersion)
            {
                context.Report(
                    reference.Path,
                    $"The sub-workflow '{reference.WorkflowId}' is this workflow itself, so every run would start another one without end.");
            }
        }
    }
}
