using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Connectors.Sandbox;

namespace Serverless.Functions.Http;

/// <summary>GET /api/sandbox/calls?instanceId=: the calls sandbox connectors recorded (dry runs, or no credentials).</summary>
public sealed class SandboxFunctions
{
    [Function("ListSandboxCalls")]
    public Task<IActionResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SandboxEndpoints.Calls)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<ISandboxCallLog>(durable, log => SandboxCallsHandler.ListAsync(req.Query["instanceId"], log, ct));
}
