using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Store;

/// <summary>A prepared SQLite command reused for every batch: parameters are bound by position, so a hot path
/// compiles its SQL once per connection.</summary>
internal sealed class Statement : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public Statement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            parameters[i] = command.Parameters.AddWithValue(parameterNames[i], DBNull.Value);
        }

        command.Prepare();
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public Statement Bind(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1L : 0L,
                var v => v,
            };
        }

        return this;
    }

    public int Execute() => command.ExecuteNonQuery();

    public object? Scalar() => command.ExecuteScalar() is var value && value is DBNull ? null : value;

    public SqliteDataReader Query() => command.ExecuteReader();

    public void Dispose() => command.Dispose();
}
