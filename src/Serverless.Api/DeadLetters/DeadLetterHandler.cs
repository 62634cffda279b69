using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Engine;

namespace Serverless.Api.DeadLetters;

/// <summary>GET /api/deadletters?workflowId=&amp;limit=&amp;continuationToken=; replay an entry with POST /api/instances/{id}/replay.</summary>
public sealed class DeadLetterHandler(IDeadLetterReader reader, IOptions<ApiOptions> options)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var workflowId = QueryValues.Single(request.Query, "workflowId", out var error);
        if (error is not null)
        {
            errors["workflowId"] = [error];
        }

        var limit = QueryValues.OptionalPositiveInt(request.Query, "limit", out error, options.Value.MaxPageSize);
        if (error is not null)
        {
            errors["limit"] = [error];
        }

        var token = QueryValues.Single(request.Query, "continuationToken", out error);
        if (error is not null)
        {
            errors["continuationToken"] = [error];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        try
        {
            var page = await reader.ListAsync(new DeadLetterQuery(workflowId, limit ?? options.Value.DefaultPageSize, token), cancellationToken);
            return Results.Json(page, EngineJson.Options);
        }
        catch (Exception ex) when (token is not null && ex is FormatException or ArgumentException)
        {
            return ApiProblems.Invalid("continuationToken", "'continuationToken' is not a token this server issued.", request.Path);
        }
    }
}
