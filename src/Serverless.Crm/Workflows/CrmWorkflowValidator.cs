using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows;

/// <summary>The outcome of reading a CRM workflow document: the spec when it has no problem, and every problem.</summary>
public sealed record CrmValidationResult(CrmWorkflowSpec? Spec, IReadOnlyList<CrmWorkflowProblem> Problems)
{
    public bool Succeeded => Spec is not null && Problems.Count == 0;
}

/// <summary>
/// Reads the seed's workflow JSON (snake_case, as POST /api/v1/workflows takes it) and reports every problem at
/// once, each with its JSON path: <c>$.actions[2].config.due_date: must be a relative date like '+3 days'...</c>.
/// Never throws for a user's mistake.
/// </summary>
public static class CrmWorkflowValidator
{
    private static readonly string[] TopLevel =
        ["name", "description", "trigger_type", "trigger_config", "conditions", "actions", "status", "is_template"];

    /// <summary>Fields the API returns (GET) that a client may post back unchanged; ignored here.</summary>
    private static readonly string[] ServerFields =
        ["id", "created_by", "execution_count", "last_executed_at", "created_at", "updated_at", "version"];

    public static CrmValidationResult Validate(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new CrmValidationResult(null, [new CrmWorkflowProblem("$", $"The document is not valid JSON: {ex.Message}")]);
        }

        return Validate(root);
    }

    public static CrmValidationResult Validate(JsonNode? root)
    {
        var checks = new SpecChecks();
        if (root is not JsonObject obj)
        {
            checks.Add("$", $"A workflow must be a JSON object, not {SpecChecks.Describe(root)}.");
            return new CrmValidationResult(null, checks.Problems);
        }

        checks.UnknownProperties(obj, "$", TopLevel, ServerFields);
        var name = checks.String(obj, "$", "name", required: true, allowPlaceholders: false);
        var description = checks.String(obj, "$", "description", required: false, allowPlaceholders: false);
        var triggerType = checks.OneOf(obj, "$", "trigger_type", required: true, CrmTriggerTypes.All);

        var triggerConfig = TriggerConfig(checks, obj);
        if (triggerType is not null)
        {
            CrmTriggerRules.Validate(checks, triggerType, triggerConfig, "$.trigger_config");
        }

        var conditions = obj.TryGetPropertyValue("conditions", out var c) && !IsEmptyConditions(c)
            ? CrmConditionRules.Group(checks, c!, "$.conditions")
            : null;
        var actions = Actions(checks, obj);
        var status = checks.OneOf(obj, "$", "status", required: false, CrmWorkflowStatuses.All) ?? CrmWorkflowStatuses.Draft;

        var isTemplate = false;
        if (obj.TryGetPropertyValue("is_template", out var t) && t is not null)
        {
            if (t.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                isTemplate = t.GetValue<bool>();
            }
            else
            {
                checks.Add("$.is_template", $"'is_template' must be true or false, not {SpecChecks.Describe(t)}.");
            }
        }

        if (checks.Problems.Count > 0 || name is null || triggerType is null)
        {
            return new CrmValidationResult(null, checks.Problems);
        }

        var spec = new CrmWorkflowSpec
        {
            Name = name,
            Description = description,
            TriggerType = triggerType,
            TriggerConfig = triggerConfig?.DeepClone().AsObject(),
            Conditions = conditions,
            Actions = actions,
            Status = status,
            IsTemplate = isTemplate,
        };
        return new CrmValidationResult(spec, []);
    }

    /// <summary>The seed stores "no conditions" as null or {}; both mean "always run".</summary>
    private static bool IsEmptyConditions(JsonNode? node) => node is null || node is JsonObject { Count: 0 };

    private static JsonObject? TriggerConfig(SpecChecks checks, JsonObject obj)
    {
        if (!obj.TryGetPropertyValue("trigger_config", out var node) || node is null)
        {
            return null;
        }

        if (node is JsonObject config)
        {
            return config;
        }

        checks.Add("$.trigger_config", $"'trigger_config' must be an object, not {SpecChecks.Describe(node)}.");
        return null;
    }

    private static List<CrmAction> Actions(SpecChecks checks, JsonObject obj)
    {
        var actions = new List<CrmAction>();
        if (!obj.TryGetPropertyValue("actions", out var node) || node is null)
        {
            checks.Add("$.actions", "'actions' is required: a workflow runs at least one action.");
            return actions;
        }

        if (node is not JsonArray array)
        {
            checks.Add("$.actions", $"'actions' must be an array of {{\"type\", \"config\"}} objects, not {SpecChecks.Describe(node)}.");
            return actions;
        }

        if (array.Count == 0)
        {
            checks.Add("$.actions", "'actions' must hold at least one action.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var action = CrmActionRules.Validate(checks, array[i], SpecChecks.Index("$.actions", i));
            if (action is not null)
            {
                actions.Add(action);
            }
        }

        return actions;
    }
}
