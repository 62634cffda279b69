using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Crm.Workflows;

/// <summary>The compiled form of a CRM workflow: our definition (what the interpreter runs) and its JSON text.</summary>
public sealed record CrmCompileResult(WorkflowDefinition? Definition, string Json, IReadOnlyList<CrmWorkflowProblem> Problems)
{
    public bool Succeeded => Definition is not null && Problems.Count == 0;
}

/// <summary>
/// Compiles a valid <see cref="CrmWorkflowSpec"/> into our definition format, through the engine's own loader, so
/// the result is exactly what the interpreter runs:
/// <list type="bullet">
/// <item>the trigger becomes an <c>event</c> trigger on a CRM change channel (<see cref="CrmNames.Channels"/>), a
/// <c>schedule</c>, <c>manual</c> or <c>webhook</c> trigger;</item>
/// <item>the conditions become an <c>if</c> step "conditions" whose branch, when they do not hold, terminates the
/// run with the output <c>{"outcome": "SKIPPED"}</c>;</item>
/// <item>each action becomes one <c>activity</c> step <c>action_{index}</c> running <c>crm.{type}</c> with its
/// config as input (placeholders mapped by <see cref="CrmTemplatePaths"/>), 3 attempts with exponential backoff,
/// and <c>onError: continue</c> (one failing action does not stop the others);</item>
/// <item>the instance output is <c>{"outcome": "SUCCESS", "actions": [{index, type, status, output, error}]}</c>,
/// the seed's actions_executed.</item>
/// </list>
/// </summary>
public static class CrmWorkflowCompiler
{
    public const string ConditionsStepId = "conditions";
    public const string SkipStepId = "skipped";

    /// <summary>The retry of every action: the seed's Celery retry (3 attempts, exponential backoff).</summary>
    public static RetryPolicy ActionRetry { get; } = new() { MaxAttempts = 3, FirstInterval = "10s", BackoffCoefficient = 2.0, MaxInterval = "5m" };

    private static readonly HashSet<string> EntityActions = new(StringComparer.Ordinal)
    {
        CrmActionTypes.CreateTask, CrmActionTypes.UpdateField, CrmActionTypes.AssignUser, CrmActionTypes.AddTag, CrmActionTypes.CreateActivity,
    };

    public static string ActionStepId(int index) => $"action_{index}";

    /// <summary>Validates then compiles a seed document in one go.</summary>
    public static CrmCompileResult Compile(string specJson, string workflowId, int version = 1)
    {
        var read = CrmWorkflowValidator.Validate(specJson);
        return read.Spec is null ? new CrmCompileResult(null, "", read.Problems) : Compile(read.Spec, workflowId, version);
    }

    /// <param name="workflowId">Our definition id, e.g. <c>crm.workflow.42</c> (see <see cref="CrmNames.WorkflowIdPrefix"/>).</param>
    /// <param name="version">Raised by every update of the CRM workflow, so running executions keep theirs.</param>
    public static CrmCompileResult Compile(CrmWorkflowSpec spec, string workflowId, int version = 1)
    {
        var json = ToDefinitionJson(spec, workflowId, version).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var loader = new WorkflowDefinitionLoader(new LoaderOptions { KnownActivities = CrmNames.Activities });
        var loaded = loader.Load(json, workflowId);
        var problems = loaded.Problems.Select(p => new CrmWorkflowProblem(p.Path, $"(compiled definition) {p.Message}")).ToList();
        return new CrmCompileResult(loaded.Succeeded ? loaded.Definition : null, json, problems);
    }

    /// <summary>The definition JSON, in our format (docs/workflow-definitions.md).</summary>
    public static JsonObject ToDefinitionJson(CrmWorkflowSpec spec, string workflowId, int version)
    {
        var steps = new JsonArray();
        if (spec.Conditions is not null)
        {
            steps.Add(new JsonObject
            {
                ["id"] = ConditionsStepId,
                ["type"] = "if",
                ["name"] = "Conditions",
                ["condition"] = new JsonObject { ["not"] = CrmConditionMapper.Map(spec.Conditions) },
                ["then"] = new JsonArray(new JsonObject
                {
                    ["id"] = SkipStepId,
                    ["type"] = "terminate",
                    ["status"] = "completed",
                    ["reason"] = "Conditions not met",
                    ["output"] = new JsonObject { ["outcome"] = CrmExecutionStatuses.Skipped, ["workflow"] = spec.Name },
                }),
            });
        }

        var results = new JsonArray();
        for (var i = 0; i < spec.Actions.Count; i++)
        {
            var action = spec.Actions[i];
            var id = ActionStepId(i);
            steps.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = "activity",
                ["name"] = $"{i}: {action.Type}",
                ["activity"] = CrmNames.Activity(action.Type),
                ["input"] = ActionInput(action),
                ["retry"] = new JsonObject
                {
                    ["maxAttempts"] = ActionRetry.MaxAttempts,
                    ["firstInterval"] = ActionRetry.FirstInterval,
                    ["backoffCoefficient"] = ActionRetry.BackoffCoefficient,
                    ["maxInterval"] = ActionRetry.MaxInterval,
                },
                ["onError"] = OnErrorPolicies.Continue,
            });
            results.Add(new JsonObject
            {
                ["index"] = i,
                ["type"] = action.Type,
                ["status"] = $"{{{{steps.{id}.status}}}}",
                ["output"] = $"{{{{steps.{id}.output}}}}",
                ["error"] = $"{{{{steps.{id}.error}}}}",
            });
        }

        var definition = new JsonObject
        {
            ["id"] = workflowId,
            ["version"] = version,
            ["name"] = spec.Name,
        };
        if (spec.Description is not null)
        {
            definition["description"] = spec.Description;
        }

        definition["triggers"] = new JsonArray(CrmTriggerMapper.Map(spec, workflowId));
        definition["steps"] = steps;
        definition["output"] = new JsonObject { ["outcome"] = CrmExecutionStatuses.Success, ["workflow"] = spec.Name, ["actions"] = results };
        return definition;
    }

    /// <summary>The action's config with placeholders mapped; create_task's relative due_date becomes
    /// <c>{{ +3 days }}</c>, resolved by the interpreter's clock when the step starts (replay-safe).</summary>
    private static JsonObject ActionInput(CrmAction action)
    {
        var input = (JsonObject)CrmTemplatePaths.MapNode(action.Config)!;
        if (action.Type == CrmActionTypes.CreateTask
            && CrmTriggerRules.Text(action.Config, "due_date") is { } due
            && CrmActionRules.TryRelative(due, out var shift))
        {
            input["due_date"] = $"{{{{ {shift} }}}}";
        }

        // A named email template is rendered by the activity against the run's context (the seed's variables).
        if (action.Type == CrmActionTypes.SendEmail && action.Config.ContainsKey("template") && !action.Config.ContainsKey("body"))
        {
            input["template_context"] = "{{trigger.body}}";
        }

        // The entity actions default to the entity that triggered the run: the activity reads these when the
        // config names no entity_type/entity_id (they render null when the trigger carries no entity).
        if (EntityActions.Contains(action.Type))
        {
            input["trigger_entity_type"] = "{{trigger.body.trigger_entity_type}}";
            input["trigger_entity_id"] = "{{trigger.body.trigger_entity_id}}";

            // Loop protection: the change this action makes carries the chain of executions that led to it.
            input["cause_chain"] = "{{trigger.body.cause_chain}}";
        }

        return input;
    }
}
