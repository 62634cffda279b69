namespace Serverless.Engine.Interpreter;

/// <summary>Names shared by the interpreter and the surfaces that decide gates (signed links, Slack).</summary>
public static class ApprovalGate
{
    /// <summary>The event that decides the gate of step <paramref name="stepKey"/>.</summary>
    public static string EventName(string stepKey) => $"approval:{stepKey}";
}
