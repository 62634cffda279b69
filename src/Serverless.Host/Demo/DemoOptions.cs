namespace Serverless.Host.Demo;

/// <summary>Settings of the demo activities (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Registers demo.greet, demo.wait and demo.record (which workflows/demo/hello.json uses).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>File demo.record appends to: one JSON line per execution with its idempotency key and attempt.
    /// Relative paths are under Runtime:DataFolder.</summary>
    public string LedgerFile { get; set; } = "demo-ledger.jsonl";

    /// <summary>Upper bound of the delays demo.wait and demo.record accept, so a request cannot park a worker.</summary>
    public int MaxDelayMs { get; set; } = 60_000;
}
