using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Activities;

/// <summary>One activity command to run, with what its context needs from the instance.</summary>
internal sealed record ActivityWork(RunActivity Command, string InstanceId, string WorkflowId, bool DryRun);

/// <summary>Where the pump hands committed activity commands.</summary>
internal interface IActivityQueue
{
    void Enqueue(ActivityWork work);
}
