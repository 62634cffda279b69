using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Engine;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Catalog;

namespace Serverless.Api.Workflows;

/// <summary>GET /api/workflows and GET /api/workflows/{workflowId}: what can be started, with its versions.</summary>
public sealed class WorkflowHandlers(IWorkflowCatalog catalog)
{
    public IResult List()
    {
        var summaries = catalog.List().Select(latest => Summarize(catalog.Versions(latest.Id))).ToList();
        var problems = catalog.Problems.Select(p => new WorkflowLoadProblem(p.Source, p.Message)).ToList();
        return Results.Json(new WorkflowList(summaries, problems), EngineJson.Options);
    }

    /// <summary>The workflow's summary plus one definition: the latest, or the one <c>?version=</c> names.</summary>
    public IResult Get(HttpRequest request, string workflowId)
    {
        var versions = catalog.Versions(workflowId);
        if (versions.Count == 0)
        {
            return ApiProblems.WorkflowNotFound(workflowId);
        }

        var version = QueryValues.OptionalPositiveInt(request.Query, "version", out var error);
        if (error is not null)
        {
            return ApiProblems.Invalid("version", error, request.Path);
        }

        var definition = catalog.Find(workflowId, version);
        if (definition is null)
        {
            return ApiProblems.WorkflowNotFound(workflowId, version);
        }

        return Results.Json(new WorkflowDetail(Summarize(versions), definition), EngineJson.Options);
    }

    internal static WorkflowSummary Summarize(IReadOnlyCollection<WorkflowDefinition> versions)
    {
        var latest = versions.MaxBy(d => d.Version)!;
        return new WorkflowSummary(
            latest.Id,
            latest.Name,
            latest.Description,
            latest.Version,
            [.. versions.Select(d => d.Version).Order()],
            [.. latest.Triggers.Select(TriggerType).Distinct()]);
    }

    private static string TriggerType(Trigger trigger) => trigger switch
    {
        WebhookTrigger => TriggerTypes.Webhook,
        ScheduleTrigger => TriggerTypes.Schedule,
        EventTrigger => TriggerTypes.Event,
        MailboxTrigger => TriggerTypes.Mailbox,
        _ => TriggerTypes.Manual,
    };
}

/// <summary><see cref="Problems"/> lists definition files in the workflows folder that failed to load.</summary>
public sealed record WorkflowList(IReadOnlyList<WorkflowSummary> Items, IReadOnlyList<WorkflowLoadProblem> Problems);

public sealed record WorkflowLoadProblem(string Source, string Message);

public sealed record WorkflowSummary(
    string Id,
    string? Name,
    string? Description,
    int LatestVersion,
    IReadOnlyList<int> Versions,
    IReadOnlyList<string> Triggers);

public sealed record WorkflowDetail(WorkflowSummary Workflow, WorkflowDefinition Definition);
