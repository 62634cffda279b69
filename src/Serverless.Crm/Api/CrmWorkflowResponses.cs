using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api;
using Serverless.Api.Http;
using Serverless.Crm.Executions;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Crm.Api;

/// <summary>What the workflow handlers share: reading a JSON body within the size limit, and answering with a
/// workflow (its counters read alongside), a 201, or the problems that refused a write.</summary>
public sealed class CrmWorkflowResponses(CrmExecutionStore counters, IOptions<ApiOptions> api)
{
    public async Task<JsonObject> ViewAsync(CrmWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var (count, last) = await counters.CounterAsync(workflow.Id, cancellationToken);
        return CrmWorkflowViews.Workflow(workflow, count, last);
    }

    public async Task<IResult> CreatedAsync(CrmWorkflowWrite written, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(request);
        return written.Succeeded
            ? Results.Created(CrmWorkflowRoutes.WorkflowUrl(written.Workflow!.Id), await ViewAsync(written.Workflow!, cancellationToken))
            : CrmProblems.Invalid(written.Problems, request.Path);
    }

    public async Task<IResult> WrittenAsync(string id, CrmWorkflowWrite? written, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return written switch
        {
            null => CrmProblems.WorkflowNotFound(id),
            { Succeeded: true } => Results.Ok(await ViewAsync(written.Workflow!, cancellationToken)),
            _ => CrmProblems.Invalid(written.Problems, request.Path),
        };
    }

    /// <param name="allowEmpty">An empty body reads as null instead of a problem (POST /execute without a body).</param>
    public async Task<(JsonNode? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (allowEmpty && request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (null, null);
        }

        return await JsonBody.ReadAsync(request, api.Value.MaxRequestBodyBytes, cancellationToken);
    }
}
