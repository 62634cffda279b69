using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Demo;

/// <summary>demo.wait: input {"ms": 250} sleeps that long, standing in for a slow API call (a worker stays busy,
/// unlike a wait step, which is a durable timer).</summary>
public sealed class WaitActivity(IOptions<DemoOptions> options) : IActivity
{
    public string Name => DemoActivityNames.Wait;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ms = DemoInput.DelayMs(context.Input, "ms", options.Value.MaxDelayMs);
        await Task.Delay(ms, cancellationToken);
        return new JsonObject { ["waitedMs"] = ms };
    }
}
