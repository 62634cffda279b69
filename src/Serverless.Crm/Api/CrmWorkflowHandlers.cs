using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Crm.Api;

/// <summary>
/// The seed's /api/v1/workflows routes, shared by both hosts: CRUD with filters and paging, activate, execute (with
/// dry_run) and the templates. Executions, statistics, versions, export and import are in
/// <see cref="CrmWorkflowHistoryHandlers"/>. Every body is the seed's JSON; every refusal is a 400 problem naming each
/// field by its JSON path.
/// </summary>
public sealed class CrmWorkflowHandlers(CrmWorkflowService workflows, CrmManualRuns runs, CrmWorkflowResponses responses)
{
    /// <summary>GET /api/v1/workflows?status=&amp;trigger_type=&amp;is_template=&amp;skip=&amp;limit=</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = CrmRequestValues.Query(request, "status", errors)?.ToUpperInvariant();
        if (status is not null && !CrmWorkflowStatuses.All.Contains(status))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", CrmWorkflowStatuses.All)} (was '{status}')."];
        }

        var trigger = CrmRequestValues.Query(request, "trigger_type", errors)?.ToLowerInvariant();
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

        var (skip, limit) = CrmRequestValues.Paging(request, errors);
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
            items.Add(await responses.ViewAsync(workflow, cancellationToken));
        }

        return Results.Ok(new JsonObject { ["items"] = items, ["total"] = all.Count, ["skip"] = skip, ["limit"] = limit });
    }

    /// <summary>POST /api/v1/workflows: 201 with the workflow, or 400 naming every problem.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await responses.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var written = await workflows.CreateAsync(body, CrmRequestValues.By(request), cancellationToken: cancellationToken);
        return await responses.CreatedAsync(written, request, cancellationToken);
    }

    /// <summary>GET /api/v1/workflows/{id}</summary>
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { } workflow ? Results.Ok(await responses.ViewAsync(workflow, cancellationToken)) : CrmProblems.WorkflowNotFound(id);

    /// <summary>PUT /api/v1/workflows/{id}: the fields given replace the stored ones; a new version when the definition changes.</summary>
    public async Task<IResult> UpdateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await responses.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is not JsonObject changes)
        {
            return ApiProblems.Invalid("$", "The body must be a JSON object with the fields to change.", request.Path);
        }

        return await responses.WrittenAsync(id, await workflows.UpdateAsync(id, changes, CrmRequestValues.By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>DELETE /api/v1/workflows/{id}: 204. Its executions stay readable through /api/instances.</summary>
    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await workflows.DeleteAsync(id, cancellationToken) ? Results.NoContent() : CrmProblems.WorkflowNotFound(id);

    /// <summary>POST /api/v1/workflows/{id}/activate {"status": "active"}</summary>
    public async Task<IResult> ActivateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await responses.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var status = (body as JsonObject)?["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim().ToUpperInvariant() : null;
        if (status is null || !CrmWorkflowStatuses.All.Contains(status))
        {
            return ApiProblems.Invalid("$.status", $"'status' is required: one of {string.Join(", ", CrmWorkflowStatuses.All)} (case ignored, e.g. \"active\").", request.Path);
        }

        return await responses.WrittenAsync(id, await workflows.SetStatusAsync(id, status, CrmRequestValues.By(request), cancellationToken), request, cancellationToken);
    }

    /// <summary>POST /api/v1/workflows/{id}/execute {"trigger_entity_type", "trigger_entity_id", "trigger_data", "dry_run"}:
    /// 202 with the execution (PENDING), or 200 with the finished preview of a dry run.</summary>
    public async Task<IResult> ExecuteAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await responses.ReadAsync(request, cancellationToken, allowEmpty: true);
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
        var written = await workflows.CreateAsync(seed, CrmRequestValues.By(request), $"created from template {template.Id}", cancellationToken);
        return await responses.CreatedAsync(written, request, cancellationToken);
    }
}
