using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Connectors.Sandbox;

public static class SandboxEndpoints
{
    /// <summary>The route under the "api" prefix (what an Azure Functions trigger declares).</summary>
    public const string Calls = "sandbox/calls";

    public const string CallsRoute = "/api/" + Calls;

    /// <summary>Maps GET /api/sandbox/calls?instanceId= to <see cref="SandboxCallsHandler.ListAsync"/>.</summary>
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CallsRoute, (string? instanceId, ISandboxCallLog log, CancellationToken ct) => SandboxCallsHandler.ListAsync(instanceId, log, ct))
            .WithName("ListSandboxCalls").WithTags("Sandbox")
            .Produces<SandboxCallList>().ProducesValidationProblem();
        return endpoints;
    }
}
