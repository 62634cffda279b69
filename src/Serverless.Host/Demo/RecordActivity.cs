using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Hosting;

namespace Serverless.Host.Demo;

/// <summary>
/// demo.record: input {"entry": "...", "delayMs"?: 200}. Appends one JSON line per execution to the ledger file
/// (Demo:LedgerFile under Runtime:DataFolder) with the idempotency key and attempt it was given: the visible side
/// effect the crash test counts. In a dry run it writes nothing and returns the line it would have written.
/// </summary>
public sealed class RecordActivity(IOptions<DemoOptions> options, IOptions<WorkflowRuntimeOptions> runtime) : IActivity
{
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public string Name => DemoActivityNames.Record;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var line = new JsonObject
        {
            ["idempotencyKey"] = context.IdempotencyKey,
            ["attempt"] = context.Attempt,
            ["instanceId"] = context.InstanceId,
            ["stepKey"] = context.StepKey,
            ["entry"] = DemoInput.OptionalString(context.Input, "entry"),
        };
        var delay = DemoInput.DelayMs(context.Input, "delayMs", options.Value.MaxDelayMs);
        if (context.DryRun)
        {
            return new JsonObject { ["dryRun"] = true, ["wouldAppend"] = line };
        }

        var path = LedgerPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(bytes, cancellationToken);
        }
        finally
        {
            WriteLock.Release();
        }

        // The write is made before the slow part, like a remote API that commits and then answers late: a crash in
        // between leaves the side effect made but unreported, so the activity runs again with the same key.
        if (delay > 0)
        {
            await Task.Delay(delay, cancellationToken);
        }

        return new JsonObject { ["recorded"] = true, ["idempotencyKey"] = context.IdempotencyKey, ["attempt"] = context.Attempt };
    }

    internal string LedgerPath => Path.GetFullPath(Path.Combine(Path.GetFullPath(runtime.Value.DataFolder), options.Value.LedgerFile));
}
