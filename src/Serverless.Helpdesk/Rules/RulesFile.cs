using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;
using Serverless.Runtime.Hosting;

namespace Serverless.Helpdesk.Rules;

/// <summary>Reads one rules file. Every problem names the file, and the line for JSON syntax or the JSON path for
/// a wrong value, so that a person editing the rules can act on it without reading code.</summary>
internal sealed class RulesFile
{
    private readonly List<string> _problems;

    private RulesFile(string path, JsonObject root, List<string> problems)
    {
        Path = path;
        Root = root;
        _problems = problems;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    public static RulesFile Load(string folder, string name)
    {
        var relative = System.IO.Path.Combine(folder, name);
        var path = RepositoryFiles.Resolve(relative)
            ?? throw new RulesException($"{relative}: the rules file was not found (setting Helpdesk:RulesFolder is '{folder}').");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RulesException($"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}");
        }

        return node is JsonObject root
            ? new RulesFile(path, root, [])
            : throw new RulesException($"{path}:1: the rules file must hold a JSON object.");
    }

    public void Problem(string jsonPath, string message) => _problems.Add($"{Path}: {jsonPath}: {message}");

    /// <summary>Throws every problem found while reading, one per line.</summary>
    public void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            throw new RulesException(string.Join(Environment.NewLine, _problems));
        }
    }

    public JsonArray Array(JsonObject obj, string jsonPath, string name)
    {
        if (obj[name] is JsonArray array)
        {
            return array;
        }

        Problem($"{jsonPath}.{name}", obj[name] is null ? "is required (a list)." : "must be a list.");
        return [];
    }

    public string? Text(JsonObject obj, string jsonPath, string name, bool required = true)
    {
        if (obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        if (required || obj[name] is not null)
        {
            Problem($"{jsonPath}.{name}", "must be a non-empty text.");
        }

        return null;
    }

    public IReadOnlyList<string> Texts(JsonObject obj, string jsonPath, string name)
    {
        if (obj[name] is null)
        {
            return [];
        }

        var list = new List<string>();
        var array = Array(obj, jsonPath, name);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                list.Add(text);
            }
            else
            {
                Problem($"{jsonPath}.{name}[{i}]", "must be a non-empty text.");
            }
        }

        return list;
    }

    /// <summary>A condition in the engine's syntax ({"path","op","value"}, "and", "or", "not"); null after a problem.</summary>
    public Condition? Condition(JsonObject obj, string jsonPath, string name)
    {
        if (obj[name] is not { } node)
        {
            Problem($"{jsonPath}.{name}", "is required (a condition such as {\"path\": \"exam.daysUntil\", \"op\": \"<\", \"value\": 0}).");
            return null;
        }

        try
        {
            var condition = ConditionJsonConverter.FromNode(node);
            CheckOperators(condition, $"{jsonPath}.{name}");
            return condition;
        }
        catch (JsonException e)
        {
            Problem($"{jsonPath}.{name}", e.Message);
            return null;
        }
    }

    private void CheckOperators(Condition condition, string jsonPath)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Conditions.ToList().ForEach(c => CheckOperators(c, jsonPath));
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(c => CheckOperators(c, jsonPath));
                break;
            case NotCondition not:
                CheckOperators(not.Condition, jsonPath);
                break;
            case Comparison comparison when !ComparisonOperators.All.Contains(comparison.Op):
                Problem(jsonPath, $"'{comparison.Op}' is not an operator; use one of {string.Join(", ", ComparisonOperators.All)}.");
                break;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A rules or template file is missing or wrong; the message names the file (and line or JSON path).</summary>
public sealed class RulesException(string message) : Exception(message);
