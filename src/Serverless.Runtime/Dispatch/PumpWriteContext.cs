using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Serverless.Engine;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Dispatch;

/// <summary>What code running inside the pump's transaction may do: plain SQL, and the few writes that must
/// keep the pump's bookkeeping right (new instances, events for other instances, evictions).</summary>
internal sealed class PumpWriteContext(
    SqliteConnection connection,
    SqliteTransaction transaction,
    PumpStatements statements,
    DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;

    public long NowMs { get; } = UnixTime.ToMs(now);

    /// <summary>True once an inbox row waits to be applied: the pump then reads the inbox before sleeping.</summary>
    public bool InboxTouched { get; private set; }

    public List<string> Evicted { get; } = [];

    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Creates an instance row (Pending) and queues its start event. False when the id already exists.</summary>
    public bool CreateInstance(string instanceId, WorkflowDefinition definition, JsonNode? input, JsonObject? trigger,
        bool dryRun, string? parentId)
    {
        var state = InstanceState.Create(instanceId, definition.Id, definition.Version);
        state.DryRun = dryRun;
        var inserted = statements.InsertInstance
            .Bind(instanceId, definition.Id, definition.Version, nameof(InstanceStatus.Pending), state.ToJson(), NowMs, null,
                dryRun, null, parentId, null, null, null)
            .Execute() > 0;
        if (inserted)
        {
            PostEvent(instanceId, new InstanceStarted(input, trigger, dryRun));
        }

        return inserted;
    }

    /// <summary>Appends an event to an instance's inbox; the pump applies it in a later batch, in order.</summary>
    public void PostEvent(string instanceId, WorkflowEvent @event)
    {
        statements.InsertInbox.Bind(instanceId, JsonSerializer.Serialize(@event, EngineJson.Options), NowMs, null).Execute();
        InboxTouched = true;
    }

    public InstanceState? ReadState(string instanceId)
    {
        using var reader = statements.SelectInstance.Bind(instanceId).Query();
        return reader.Read() ? InstanceState.FromJson(reader.GetString(0)) : null;
    }

    public void Evict(string instanceId) => Evicted.Add(instanceId);
}
