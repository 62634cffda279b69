using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>Answers the typed storage errors with their problem responses (<see cref="StorageProblems"/>) wherever
/// UseExceptionHandler runs; registered by AddWorkflowApi. Other exceptions fall through to the next handler.</summary>
internal sealed class StorageExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || StorageProblems.For(exception, httpContext.Request) is not { } problem)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
