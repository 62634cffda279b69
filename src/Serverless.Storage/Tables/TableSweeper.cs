using Microsoft.Extensions.Logging;

namespace Serverless.Storage.Tables;

/// <summary>A table whose rows carry expiries (dedup keys, replay guards), registered with
/// <see cref="DependencyInjection.StorageServiceCollectionExtensions.AddExpiringTable"/> so that
/// <see cref="TableSweeper"/> deletes its expired rows.</summary>
public sealed record ExpiringTable(string Name);

/// <summary>Deletes the expired rows of every <see cref="ExpiringTable"/>: expired rows already read as absent,
/// this keeps the tables from growing without end. Run by the embedded runtime's retention loop and by the
/// Functions app's Retention timer.</summary>
public sealed partial class TableSweeper(ITableStore store, IEnumerable<ExpiringTable> tables, ILogger<TableSweeper>? logger = null)
{
    private readonly ILogger logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var table in tables.Select(t => t.Name).Distinct(StringComparer.Ordinal))
        {
            var deleted = await store.SweepExpiredAsync(table, cancellationToken);
            if (deleted > 0)
            {
                Swept(logger, deleted, table);
            }

            total += deleted;
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired rows of table {Table}")]
    private static partial void Swept(ILogger logger, int count, string table);
}
