using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Store;

namespace Serverless.Host.Runtime;

/// <summary>Healthy when the runtime's SQLite file takes a write (a read-only or missing folder still answers
/// reads, so reading proves nothing); Degraded when a workflow definition failed to load (the host still runs the
/// others); Unhealthy, with the database's reason, when the file cannot be opened or written.</summary>
internal sealed class RuntimeHealthCheck(RuntimeDatabase database, IWorkflowCatalog catalog, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            database.ProbeWrite(clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (RuntimeStoreUnavailableException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"Storage unavailable: the runtime database {database.FilePath} cannot be written: {ex.Reason}"));
        }

        var problems = catalog.Problems;
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.List().Count} workflow(s) loaded.")
            : HealthCheckResult.Degraded($"{problems.Count} problem(s) in workflow definitions; first: {problems[0]}"));
    }
}
