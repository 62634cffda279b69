using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Sandbox;

/// <summary>GET /api/sandbox/calls?instanceId=: what the sandbox connectors would have done for an instance. Plain
/// handler (IResult out) so the embedded host and the Functions app can both call it.</summary>
public static class SandboxCallsHandler
{
    public static async Task<IResult> ListAsync(string? instanceId, ISandboxCallLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["instanceId"] = ["The instanceId query parameter is required."],
            });
        }

        var calls = await log.ListAsync(instanceId, cancellationToken);
        return Results.Ok(new SandboxCallList(instanceId, calls.Count, calls));
    }
}
