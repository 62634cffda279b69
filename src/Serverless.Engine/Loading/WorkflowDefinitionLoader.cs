using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>
/// Turns definition JSON into <see cref="WorkflowDefinition"/> records. It reports every problem at once, each with
/// its JSON path and a plain sentence, and never throws for a user's mistake. It reads text, never files.
/// </summary>
public sealed class WorkflowDefinitionLoader(LoaderOptions options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    public WorkflowDefinitionLoader()
        : this(new LoaderOptions())
    {
    }

    /// <summary>Loads one definition; <paramref name="source"/> names it in problems (a file name, say).</summary>
    public DefinitionLoadResult Load(string json, string source = "definition") => Inspect(json, source).Result;

    /// <summary>Loads several definitions and also checks the sub-workflow references between them:
    /// unknown workflow ids or versions, duplicate versions, and cycles (reported on every definition in the cycle).</summary>
    public CatalogLoadResult LoadAll(IEnumerable<(string Source, string Json)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return CatalogChecker.Check(documents.Select(d => Inspect(d.Json, d.Source)).ToList());
    }

    internal LoadedDocument Inspect(string? json, string source)
    {
        var context = new ValidationContext(source, options);
        var root = Parse(context, json);
        if (context.Problems.Count == 0)
        {
            DefinitionValidator.Validate(context, root);
        }

        var definition = context.Problems.Count == 0 ? Deserialize(context, (JsonObject)root!) : null;
        var result = new DefinitionLoadResult(definition, context.Problems);
        return new LoadedDocument(source, context.WorkflowId, context.WorkflowVersion, result, context.SubWorkflows);
    }

    private static JsonNode? Parse(ValidationContext context, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            context.Report(JsonPaths.Root, "The document is empty; a workflow definition is a JSON object with an 'id' and 'steps'.");
            return null;
        }

        try
        {
            return JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            context.Report(JsonPaths.Root, $"The document is not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {Describe(ex)}");
            return null;
        }
    }

    // The serializer's message ends with its own "LineNumber: .. | BytePositionInLine: .." suffix; the line and
    // position are already in the sentence, so only the explanation is kept.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (suffix >= 0 ? message[..suffix] : message).Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    private static WorkflowDefinition? Deserialize(ValidationContext context, JsonObject root)
    {
        root.Remove(DefinitionValidator.SchemaProperty);
        try
        {
            return root.Deserialize<WorkflowDefinition>(EngineJson.Options)
                ?? throw new JsonException("The definition deserialized to null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            // The checks above are meant to catch everything the serializer would refuse; if one slipped through,
            // it is still a problem to report, not a crash.
            context.Report(JsonPaths.Root, $"The definition could not be read: {ex.Message.TrimEnd('.')}.");
            return null;
        }
    }
}
