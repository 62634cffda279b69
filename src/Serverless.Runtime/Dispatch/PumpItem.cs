using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Dispatch;

/// <summary>Work handed to the <see cref="EventPump"/>, the runtime's only writer.</summary>
internal abstract record PumpItem;

internal sealed record StartItem(StartRequest Request, TaskCompletionSource<StartResult> Done) : PumpItem;

/// <summary>An event from outside (raise, terminate, replay). <paramref name="Accept"/> may refuse it on the
/// instance's current status; Done receives false when the instance is missing or refused the event.</summary>
internal sealed record EventItem(
    string InstanceId,
    WorkflowEvent Event,
    Func<InstanceState, bool>? Accept,
    TaskCompletionSource<bool> Done) : PumpItem;

/// <summary>An activity's result. It is applied in the same transaction that marks its outbox row done, so a
/// result lost in a crash leaves the row pending and the activity runs again with the same idempotency key.</summary>
internal sealed record ActivityResultItem(string InstanceId, string CommandId, WorkflowEvent Event) : PumpItem;

/// <summary>Any other write (purge, retention, channel messages, schedules), run inside the pump's transaction.</summary>
internal sealed record WriteItem(Func<PumpWriteContext, object?> Action, TaskCompletionSource<object?> Done) : PumpItem;

internal sealed record WakeItem : PumpItem
{
    public static readonly WakeItem Instance = new();
}
