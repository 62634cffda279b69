namespace Serverless.Connectors.Teams;

/// <summary>One name/value line of a message (an Adaptive Card FactSet fact).</summary>
public sealed record TeamsFact(string Name, string Value);
