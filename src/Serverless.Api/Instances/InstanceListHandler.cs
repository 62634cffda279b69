using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Engine;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Api.Instances;

/// <summary>GET /api/instances?workflowId=&amp;status=&amp;dryRun=&amp;createdFrom=&amp;createdTo=&amp;limit=&amp;continuationToken=</summary>
public sealed class InstanceListHandler(IWorkflowClient client, IOptions<ApiOptions> options)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        var workflowId = Read(errors, "workflowId", QueryValues.Single(query, "workflowId", out var error), error);
        var status = Read(errors, "status", QueryValues.OptionalEnum<InstanceStatus>(query, "status", out error), error);
        var dryRun = Read(errors, "dryRun", QueryValues.OptionalBoolFilter(query, "dryRun", out error), error);
        var createdFrom = Read(errors, "createdFrom", QueryValues.OptionalTimestamp(query, "createdFrom", out error), error);
        var createdTo = Read(errors, "createdTo", QueryValues.OptionalTimestamp(query, "createdTo", out error), error);
        var limit = Read(errors, "limit", QueryValues.OptionalPositiveInt(query, "limit", out error, options.Value.MaxPageSize), error);
        var token = Read(errors, "continuationToken", QueryValues.Single(query, "continuationToken", out error), error);
        if (createdFrom is not null && createdTo is not null && createdFrom > createdTo)
        {
            errors["createdTo"] = ["'createdTo' must not be earlier than 'createdFrom'."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        InstancePage page;
        try
        {
            page = await client.ListAsync(
                new InstanceQuery(workflowId, status, createdFrom, createdTo, limit ?? options.Value.DefaultPageSize, token, dryRun),
                cancellationToken);
        }
        catch (Exception ex) when (token is not null && ex is FormatException or ArgumentException)
        {
            return ApiProblems.Invalid("continuationToken", "'continuationToken' is not a token this server issued.", request.Path);
        }

        var items = page.Items.Select(i => new InstanceListItem(
                i.InstanceId, i.WorkflowId, i.WorkflowVersion, i.Status, i.CreatedAt, i.EndedAt, i.DryRun,
                i.Error?.StepId, i.Error is { } e ? new InstanceListError(e.Kind, e.Message) : null, ApiRoutes.InstanceUrl(i.InstanceId)))
            .ToList();
        return Results.Json(new InstanceList(items, page.ContinuationToken), EngineJson.Options);
    }

    private static T Read<T>(Dictionary<string, string[]> errors, string name, T value, string? error)
    {
        if (error is not null)
        {
            errors[name] = [error];
        }

        return value;
    }
}

public sealed record InstanceList(IReadOnlyList<InstanceListItem> Items, string? ContinuationToken);

public sealed record InstanceListItem(
    string InstanceId,
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    bool DryRun,
    string? FailedStep,
    InstanceListError? Error,
    string StatusUrl);

/// <summary>Why a listed instance failed; the whole error, with the step's, is in GET /api/instances/{id}.</summary>
public sealed record InstanceListError(string Kind, string Message);
