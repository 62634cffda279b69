using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.Intake;

/// <summary>
/// Starts the request-handler instance under an idempotency key, honouring a window: the runtime's key is unique
/// for ever, so the key carries a generation ("key", "key#1", ...) and a generation whose instance is older than
/// the window is skipped. Two identical requests racing compute the same generation, so the runtime's unique index
/// still makes them one instance.
/// </summary>
internal sealed class IdempotentStarter(IWorkflowClient client, IOptions<IntakeOptions> options, TimeProvider clock)
{
    private const int MaxGenerations = 1000;

    public async Task<StartResult> StartAsync(string key, JsonObject input, JsonObject trigger, bool dryRun, CancellationToken cancellationToken)
    {
        var window = options.Value.IdempotencyWindow;
        for (var generation = 0; generation < MaxGenerations; generation++)
        {
            var generationKey = generation == 0 ? key : $"{key}#{generation}";
            var result = await client.StartAsync(
                new StartRequest(RequestHandlerNames.WorkflowId, input.DeepClone(), IdempotencyKey: generationKey, DryRun: dryRun, Trigger: (JsonObject)trigger.DeepClone()),
                cancellationToken);
            if (result.Created)
            {
                return result;
            }

            var existing = await client.GetAsync(result.InstanceId, cancellationToken);
            if (existing is null || clock.GetUtcNow() - existing.CreatedAt <= window)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"More than {MaxGenerations} expired instances share the idempotency key '{key}'.");
    }
}
