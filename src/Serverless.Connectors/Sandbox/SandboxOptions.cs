namespace Serverless.Connectors.Sandbox;

/// <summary>Where sandbox calls are kept, bound from "Connectors:Sandbox".</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Connectors:Sandbox";

    /// <summary>SQLite file of recorded calls. Default: sandbox-calls.db in Runtime:DataFolder (".data" when unset).</summary>
    public string? DatabasePath { get; set; }
}
