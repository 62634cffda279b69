using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Crm.Workflows;

namespace Serverless.Crm.Api;

/// <summary>Problem responses of the CRM API (RFC 9457, application/problem+json), each naming what was wrong.</summary>
public static class CrmProblems
{
    /// <summary>400 with every problem keyed by its JSON path ($.actions[0].config.subject).</summary>
    public static IResult Invalid(IReadOnlyList<CrmWorkflowProblem> problems, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = problems.GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return ApiProblems.Invalid(errors, instance);
    }

    public static IResult NotFound(string what, string detail, string? instance = null) =>
        Results.Problem(title: $"{what} not found.", detail: detail, statusCode: StatusCodes.Status404NotFound, instance: instance);

    public static IResult WorkflowNotFound(string id) =>
        NotFound("Workflow", $"There is no workflow {id}.", CrmWorkflowRoutes.WorkflowUrl(id));
}
