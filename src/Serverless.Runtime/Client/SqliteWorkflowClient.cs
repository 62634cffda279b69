using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Client;

/// <summary><see cref="IWorkflowClient"/> over the embedded runtime: writes go through the pump (committed
/// before the call returns), reads go straight to the SQLite file.</summary>
internal sealed class SqliteWorkflowClient(EventPump pump, InstanceReader reader) : IWorkflowClient
{
    public Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.WorkflowId);
        return pump.Submit<StartResult>(done => new StartItem(request, done)).WaitAsync(cancellationToken);
    }

    public Task<InstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        reader.GetAsync(instanceId, cancellationToken);

    public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        reader.ListAsync(query, cancellationToken);

    public Task<bool> RaiseEventAsync(string instanceId, string eventName, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return Send(instanceId, new EventRaised(eventName, payload), accept: null, cancellationToken);
    }

    public Task<bool> TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) =>
        Send(instanceId, new TerminateRequested(reason), accept: null, cancellationToken);

    public Task<bool> ReplayAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Send(instanceId, new ReplayRequested(), state => state.Status == InstanceStatus.Failed, cancellationToken);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await pump.WriteAsync(context => InstancePurge.Purge(context, instanceId)).WaitAsync(cancellationToken);

    private Task<bool> Send(string instanceId, WorkflowEvent @event, Func<InstanceState, bool>? accept, CancellationToken cancellationToken) =>
        pump.Submit<bool>(done => new EventItem(instanceId, @event, accept, done)).WaitAsync(cancellationToken);
}
