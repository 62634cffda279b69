using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Store;

namespace Serverless.Host.Runtime;

/// <summary>Healthy when the runtime's SQLite file answers; Degraded when a workflow definition failed to load
/// (the host still runs the others); Unhealthy when the database cannot be opened.</summary>
internal sealed class RuntimeHealthCheck(RuntimeDatabase database, IWorkflowCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.ExecuteScalar();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The runtime database {database.FilePath} cannot be opened: {ex.Message}"));
        }

        var problems = catalog.Problems;
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.List().Count} workflow(s) loaded.")
            : HealthCheckResult.Degraded($"{problems.Count} problem(s) in workflow definitions; first: {problems[0]}"));
    }
}
