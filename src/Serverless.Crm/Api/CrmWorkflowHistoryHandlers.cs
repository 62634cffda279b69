using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Crm.Executions;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Crm.Api;

/// <summary>What the workflow API tells of a workflow's past and versions, shared by both hosts: executions and
/// their detail, statistics, versions, diff, rollback, duplicate, export and import.</summary>
public sealed class CrmWorkflowHistoryHandlers(CrmWorkflowService workflows, CrmExecutionReader executions, CrmWorkflowResponses responses)
{
    /// <summary>GET /api/v1/workflows/{id}/executions?status=&amp;skip=&amp;limit=, newest first.</summary>
    public async Task<IResult> ExecutionsAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = CrmRequestValues.Query(request, "status", errors)?.ToUpperInvariant();
        if (status is not null && !CrmExecutionStatuses.All.Contains(status))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", CrmExecutionStatuses.All)} (was '{status}')."];
        }

        var (skip, limit) = CrmRequestValues.Paging(request, errors);
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
        var (body, problem) = await responses.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if ((body as JsonObject)?["version"] is not JsonValue value || !value.TryGetValue<int>(out var version) || version < 1)
        {
            return ApiProblems.Invalid("$.version", "'version' is required: the whole number of the version to go back to.", request.Path);
        }

        return await responses.WrittenAsync(id, await workflows.RollbackAsync(id, version, CrmRequestValues.By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>POST /api/v1/workflows/{id}/duplicate: 201 with the copy (a DRAFT).</summary>
    public async Task<IResult> DuplicateAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        await workflows.DuplicateAsync(id, CrmRequestValues.By(request), cancellationToken) is { } written
            ? await responses.CreatedAsync(written, request, cancellationToken)
            : CrmProblems.WorkflowNotFound(id);

    /// <summary>GET /api/v1/workflows/{id}/export: the seed document, ready for POST /import on another host.</summary>
    public async Task<IResult> ExportAsync(string id, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { } workflow ? Results.Ok(CrmWorkflowViews.Export(workflow)) : CrmProblems.WorkflowNotFound(id);

    /// <summary>POST /api/v1/workflows/import: one exported document or an array of them; all are checked before any
    /// is stored (problems named $[i]...), imported as DRAFT unless the document says otherwise.</summary>
    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await responses.ReadAsync(request, cancellationToken);
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
            var written = await workflows.CreateAsync(document, CrmRequestValues.By(request), "imported", cancellationToken);
            imported.Add(await responses.ViewAsync(written.Workflow!, cancellationToken));
        }

        return Results.Json(new JsonObject { ["items"] = imported }, statusCode: StatusCodes.Status201Created);
    }
}
