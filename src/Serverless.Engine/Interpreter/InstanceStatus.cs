namespace Serverless.Engine.Interpreter;

public enum InstanceStatus
{
    Pending,
    Running,
    Waiting,
    Completed,
    Failed,
    Terminated,
}

public enum StepStatus
{
    Running,
    Waiting,
    Completed,
    Failed,
    TimedOut,
    Skipped,
}
