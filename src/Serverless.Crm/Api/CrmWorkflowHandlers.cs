using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Crm.Executions;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Crm.Api;

/// <summary>
/// The seed's /api/v1/workflows routes, shared by both hosts: CRUD with filters and paging, activate, execute (with
/// dry_run), executions, stats and templates; plus versions, diff, rollback, duplicate, export and import.
/// Every body is the seed's JSON; every refusal is a 400 problem naming each field by its JSON path.
/// </summary>
public sealed class CrmWorkflowHandlers(
    CrmWorkflowService workflows, CrmExecutionStore counters, CrmExecutionReader executions, CrmManualRuns runs, IOptions<ApiOptions> api)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>GET /api/v1/workflows?status=&amp;trigger_type=&amp;is_template=&amp;skip=&amp;limit=</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = Query(request, "status", errors)?.ToUpperInvariant();
        if (status is not null && !CrmWorkflowStatuses.All.Contains(status))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", CrmWorkflowStatuses.All)} (was '{status}')."];
        }

        var trigger = Query(request, "trigger_type", errors)?.ToLowerInvariant();
        if (trigger is not null && !CrmTriggerTypes.All.Contains(trigger))
        {
            errors["trigger_type"] = [$"'trigger_type' must be one of {string.Join(", ", CrmTriggerTypes.All)} (was '{trigger}')."];
        }

        bool? isTemplate = null;
        if (request.Query.ContainsKey("is_template"))
        {
            var flag = QueryValues.OptionalBool(request.Query, "is_template", out var flagError);
            if (flagError is not null)
            {
                errors["is_template"] = [flagError];
            }
            else
            {
                isTemplate = flag;
            }
        }

        var (skip, limit) = Paging(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        var all = (await workflows.ListAsync(cancellationToken))
            .Where(w => (status is null || w.Status == status) && (trigger is null || w.TriggerType == trigger) && (isTemplate is null || w.IsTemplate == isTemplate))
            .ToList();
        var items = new JsonArray();
        foreach (var workflow in all.Skip(skip).Take(limit))
        {
            items.Add(await ViewAsync(workflow, cancellationToken));
        }

        return Results.Ok(new JsonObject { ["items"] = items, ["total"] = all.Count, ["skip"] = skip, ["limit"] = limit });
    }

    /// <summary>POST /api/v1/workflows: 201 with the workflow, or 400 naming every problem.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var written = await workflows.CreateAsync(body, By(request), cancellationToken: cancellationToken);
        return await CreatedAsync(written, request, cancellationToken);
    }

    /// <summary>GET /api/v1/workflows/{id}</summary>
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { } workflow ? Results.Ok(await ViewAsync(workflow, cancellationToken)) : CrmProblems.WorkflowNotFound(id);

    /// <summary>PUT /api/v1/workflows/{id}: the fields given replace the stored ones; a new version when the definition changes.</summary>
    public async Task<IResult> UpdateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is not JsonObject changes)
        {
            return ApiProblems.Invalid("$", "The body must be a JSON object with the fields to change.", request.Path);
        }

        return await WrittenAsync(id, await workflows.UpdateAsync(id, changes, By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>DELETE /api/v1/workflows/{id}: 204. Its executions stay readable through /api/instances.</summary>
    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await workflows.DeleteAsync(id, cancellationToken) ? Results.NoContent() : CrmProblems.WorkflowNotFound(id);

    /// <summary>POST /api/v1/workflows/{id}/activate {"status": "active"}</summary>
    public async Task<IResult> ActivateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var status = (body as JsonObject)?["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim().ToUpperInvariant() : null;
        if (status is null || !CrmWorkflowStatuses.All.Contains(status))
        {
            return ApiProblems.Invalid("$.status", $"'status' is required: one of {string.Join(", ", CrmWorkflowStatuses.All)} (case ignored, e.g. \"active\").", request.Path);
        }

        return await WrittenAsync(id, await workflows.SetStatusAsync(id, status, By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>POST /api/v1/workflows/{id}/execute {"trigger_entity_type", "trigger_entity_id", "trigger_data", "dry_run"}:
    /// 202 with the execution (PENDING), or 200 with the finished preview of a dry run.</summary>
    public async Task<IResult> ExecuteAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken, allowEmpty: true);
        if (problem is not null)
        {
            return problem;
        }

        var parsed = CrmExecuteRequests.Read(body as JsonObject ?? [], request, out var errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        if (await runs.ExecuteAsync(id, parsed, CrmRunKinds.Manual, cancellationToken) is not { } result)
        {
            return CrmProblems.WorkflowNotFound(id);
        }

        if (result.NotFound is { } missing)
        {
            return ApiProblems.Invalid("$.trigger_entity_id", missing, request.Path);
        }

        var view = CrmWorkflowViews.Execution(result.Execution!, full: parsed.DryRun);
        return parsed.DryRun
            ? Results.Ok(view)
            : Results.Json(view, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>GET /api/v1/workflows/{id}/executions?status=&amp;skip=&amp;limit=, newest first.</summary>
    public async Task<IResult> ExecutionsAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = Query(request, "status", errors)?.ToUpperInvariant();
        if (status is not null && !CrmExecutionStatuses.All.Contains(status))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", CrmExecutionStatuses.All)} (was '{status}')."];
        }

        var (skip, limit) = Paging(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        if (await workflows.GetAsync(id, cancellationToken) is null)
        {
            return CrmProblems.WorkflowNotFound(id);
        }

        var all = (await executions.ListAsync(id, cancellationToken)).Where(e => status is null || e.Status == status).ToList();
        return Results.Ok(new JsonObject
        {
            ["items"] = new JsonArray([.. all.Skip(skip).Take(limit).Select(e => (JsonNode)CrmWorkflowViews.Execution(e, full: false))]),
            ["total"] = all.Count,
            ["skip"] = skip,
            ["limit"] = limit,
        });
    }

    /// <summary>GET /api/v1/workflows/{id}/executions/{executionId}: with each action's output and the logs.</summary>
    public async Task<IResult> ExecutionAsync(string id, string executionId, CancellationToken cancellationToken)
    {
        var instanceId = executionId.StartsWith(CrmNames.WorkflowIdPrefix, StringComparison.Ordinal)
            ? executionId
            : CrmWorkflowRunner.ExecutionId(id, executionId);
        return await executions.GetAsync(instanceId, cancellationToken) is { } execution && execution.WorkflowId == id
            ? Results.Ok(CrmWorkflowViews.Execution(execution, full: true))
            : CrmProblems.NotFound("Execution", $"Workflow {id} has no execution '{executionId}'.");
    }

    /// <summary>GET /api/v1/workflows/{id}/stats</summary>
    public async Task<IResult> StatsAsync(string id, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is null
            ? CrmProblems.WorkflowNotFound(id)
            : Results.Ok(CrmWorkflowViews.Stats(id, await executions.StatsAsync(id, cancellationToken)));

    /// <summary>GET /api/v1/workflows/templates/list: the three seed templates, as the seed's documents.</summary>
    public IResult Templates() => Results.Ok(new JsonObject
    {
        ["items"] = new JsonArray([.. CrmWorkflowTemplates.All.Select(t =>
        {
            var json = JsonNode.Parse(t.Json)!.AsObject();
            json["template_id"] = t.Id;
            return (JsonNode)json;
        })]),
    });

    /// <summary>POST /api/v1/workflows/templates/{templateId}/create: a DRAFT workflow from the template.</summary>
    public async Task<IResult> FromTemplateAsync(string templateId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (CrmWorkflowTemplates.All.FirstOrDefault(t => string.Equals(t.Id, templateId, StringComparison.OrdinalIgnoreCase)) is not { } template)
        {
            return CrmProblems.NotFound("Template", $"There is no template '{templateId}'; use one of {string.Join(", ", CrmWorkflowTemplates.All.Select(t => t.Id))}.");
        }

        var seed = JsonNode.Parse(template.Json)!.AsObject();
        seed["is_template"] = false;
        seed["status"] = CrmWorkflowStatuses.Draft;
        var written = await workflows.CreateAsync(seed, By(request), $"created from template {template.Id}", cancellationToken);
        return await CreatedAsync(written, request, cancellationToken);
    }

    /// <summary>GET /api/v1/workflows/{id}/versions: every version, oldest first.</summary>
    public async Task<IResult> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        var versions = await workflows.VersionsAsync(id, cancellationToken);
        return versions.Count == 0
            ? CrmProblems.WorkflowNotFound(id)
            : Results.Ok(new JsonObject { ["items"] = new JsonArray([.. versions.Select(v => (JsonNode)CrmWorkflowViews.Version(v))]) });
    }

    /// <summary>GET /api/v1/workflows/{id}/versions/{version}</summary>
    public async Task<IResult> VersionAsync(string id, int version, CancellationToken cancellationToken) =>
        await workflows.VersionAsync(id, version, cancellationToken) is { } found
            ? Results.Ok(CrmWorkflowViews.Version(found))
            : CrmProblems.NotFound("Version", $"Workflow {id} has no version {version}.");

    /// <summary>GET /api/v1/workflows/{id}/diff?from=1&amp;to=2 (to defaults to the current version).</summary>
    public async Task<IResult> DiffAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await workflows.GetAsync(id, cancellationToken) is not { } workflow)
        {
            return CrmProblems.WorkflowNotFound(id);
        }

        var from = QueryValues.OptionalPositiveInt(request.Query, "from", out var fromError);
        var to = QueryValues.OptionalPositiveInt(request.Query, "to", out var toError) ?? workflow.Version;
        if (fromError is not null || toError is not null || from is null)
        {
            return ApiProblems.Invalid(fromError is not null || from is null ? "from" : "to",
                fromError ?? toError ?? "'from' is required: the version to compare from (1, 2, ...).", request.Path);
        }

        var a = await workflows.VersionAsync(id, from.Value, cancellationToken);
        var b = await workflows.VersionAsync(id, to, cancellationToken);
        if (a is null || b is null)
        {
            return CrmProblems.NotFound("Version", $"Workflow {id} has no version {(a is null ? from : to)}.");
        }

        var changes = CrmWorkflowDiff.Between(a.Definition, b.Definition);
        return Results.Ok(new JsonObject
        {
            ["workflow_id"] = CrmWorkflowViews.Id(id),
            ["from"] = from,
            ["to"] = to,
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
            {
                ["path"] = c.Path, ["kind"] = c.Kind, ["from"] = c.From?.DeepClone(), ["to"] = c.To?.DeepClone(),
            })]),
        });
    }

    /// <summary>POST /api/v1/workflows/{id}/rollback {"version": n}: a new version with version n's definition.</summary>
    public async Task<IResult> RollbackAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if ((body as JsonObject)?["version"] is not JsonValue value || !value.TryGetValue<int>(out var version) || version < 1)
        {
            return ApiProblems.Invalid("$.version", "'version' is required: the whole number of the version to go back to.", request.Path);
        }

        return await WrittenAsync(id, await workflows.RollbackAsync(id, version, By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>POST /api/v1/workflows/{id}/duplicate: 201 with the copy (a DRAFT).</summary>
    public async Task<IResult> DuplicateAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        await workflows.DuplicateAsync(id, By(request), cancellationToken) is { } written
            ? await CreatedAsync(written, request, cancellationToken)
            : CrmProblems.WorkflowNotFound(id);

    /// <summary>GET /api/v1/workflows/{id}/export: the seed document, ready for POST /import on another host.</summary>
    public async Task<IResult> ExportAsync(string id, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { } workflow ? Results.Ok(CrmWorkflowViews.Export(workflow)) : CrmProblems.WorkflowNotFound(id);

    /// <summary>POST /api/v1/workflows/import: one exported document or an array of them; all are checked before any
    /// is stored (problems named $[i]...), imported as DRAFT unless the document says otherwise.</summary>
    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var documents = body is JsonArray list ? list.ToList() : [body];
        var problems = new List<CrmWorkflowProblem>();
        for (var i = 0; i < documents.Count; i++)
        {
            var read = CrmWorkflowValidator.Validate(documents[i]);
            var prefix = body is JsonArray ? $"$[{i.ToString(CultureInfo.InvariantCulture)}]" : "$";
            problems.AddRange(read.Problems.Select(p => p with { Path = prefix + p.Path[1..] }));
        }

        if (problems.Count > 0)
        {
            return CrmProblems.Invalid(problems, request.Path);
        }

        var imported = new JsonArray();
        foreach (var document in documents)
        {
            var written = await workflows.CreateAsync(document, By(request), "imported", cancellationToken);
            imported.Add(await ViewAsync(written.Workflow!, cancellationToken));
        }

        return Results.Json(new JsonObject { ["items"] = imported }, statusCode: StatusCodes.Status201Created);
    }

    private async Task<JsonObject> ViewAsync(CrmWorkflow workflow, CancellationToken cancellationToken)
    {
        var (count, last) = await counters.CounterAsync(workflow.Id, cancellationToken);
        return CrmWorkflowViews.Workflow(workflow, count, last);
    }

    private async Task<IResult> CreatedAsync(CrmWorkflowWrite written, HttpRequest request, CancellationToken cancellationToken) =>
        written.Succeeded
            ? Results.Created(CrmWorkflowRoutes.WorkflowUrl(written.Workflow!.Id), await ViewAsync(written.Workflow!, cancellationToken))
            : CrmProblems.Invalid(written.Problems, request.Path);

    private async Task<IResult> WrittenAsync(string id, CrmWorkflowWrite? written, HttpRequest request, CancellationToken cancellationToken) =>
        written switch
        {
            null => CrmProblems.WorkflowNotFound(id),
            { Succeeded: true } => Results.Ok(await ViewAsync(written.Workflow!, cancellationToken)),
            _ => CrmProblems.Invalid(written.Problems, request.Path),
        };

    private async Task<(JsonNode? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (allowEmpty && request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (null, null);
        }

        return await JsonBody.ReadAsync(request, api.Value.MaxRequestBodyBytes, cancellationToken);
    }

    /// <summary>Who made the change: the X-User header when a front end passes it, else "api".</summary>
    private static string By(HttpRequest request) =>
        request.Headers["X-User"].ToString() is { Length: > 0 and <= 200 } user ? user : "api";

    private static string? Query(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var value = QueryValues.Single(request.Query, name, out var error);
        if (error is not null)
        {
            errors[name] = [error];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static (int Skip, int Limit) Paging(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var skipText = QueryValues.Single(request.Query, "skip", out _);
        var skip = 0;
        if (skipText is not null && (!int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            errors["skip"] = [$"'skip' must be a whole number, 0 or more (was '{skipText}')."];
        }

        var limit = QueryValues.OptionalPositiveInt(request.Query, "limit", out var limitError, max: MaxLimit);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        return (skip, limit ?? DefaultLimit);
    }
}
