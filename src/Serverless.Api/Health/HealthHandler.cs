using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Serverless.Api.Health;

/// <summary>GET /api/health: 200 when every registered health check passes, 503 otherwise.</summary>
public sealed class HealthHandler(HealthCheckService healthChecks)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(cancellationToken);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckEntry(e.Value.Status.ToString(), e.Value.Description)));
        return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckEntry> Checks);

public sealed record HealthCheckEntry(string Status, string? Description);
