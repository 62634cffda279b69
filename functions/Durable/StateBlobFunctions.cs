using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Serverless.Functions.Durable;

/// <summary>The activities the orchestrator stores and loads large states through (it may not do I/O itself). A
/// state travels in parts of <see cref="StateBlobs.PartChars"/> each way, so no activity input or result reaches
/// Durable's 3.9 MB limit however large the state grows.</summary>
public sealed class StateBlobFunctions(StateBlobs blobs)
{
    public const string SavePartName = "SaveInstanceStatePart";
    public const string SaveName = "SaveInstanceState";
    public const string LoadPartName = "LoadInstanceStatePart";

    [Function(SavePartName)]
    public Task SavePartAsync([ActivityTrigger] SaveStatePartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return blobs.SavePartAsync(request.InstanceId, request.Name, request.Index, request.Text, cancellationToken);
    }

    [Function(SaveName)]
    public Task<string> SaveAsync([ActivityTrigger] SaveStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return blobs.JoinPartsAsync(request.InstanceId, request.Name, request.Parts, cancellationToken);
    }

    [Function(LoadPartName)]
    public Task<StatePart> LoadPartAsync([ActivityTrigger] LoadStatePartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return blobs.LoadPartAsync(request.Path, request.Index, cancellationToken);
    }

    /// <summary>Saves <paramref name="json"/> from an orchestrator, part by part; returns the blob's path.</summary>
    public static async Task<string> SaveFromOrchestratorAsync(TaskOrchestrationContext context, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parts = StateBlobs.Parts(json);
        for (var i = 0; i < parts.Count; i++)
        {
            await context.CallActivityAsync(SavePartName, new SaveStatePartRequest(context.InstanceId, name, i, parts[i]));
        }

        return await context.CallActivityAsync<string>(SaveName, new SaveStateRequest(context.InstanceId, name, parts.Count));
    }

    /// <summary>Loads the state at <paramref name="path"/> into an orchestrator, part by part.</summary>
    public static async Task<string> LoadFromOrchestratorAsync(TaskOrchestrationContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = new System.Text.StringBuilder();
        for (var index = 0; ; index++)
        {
            var part = await context.CallActivityAsync<StatePart>(LoadPartName, new LoadStatePartRequest(path, index));
            json.Append(part.Text);
            if (!part.More)
            {
                return json.ToString();
            }
        }
    }
}

/// <summary>Input of <see cref="StateBlobFunctions.SavePartAsync"/>: part <see cref="Index"/> of a state's JSON.</summary>
public sealed record SaveStatePartRequest(string InstanceId, string Name, int Index, string Text);

/// <summary>Input of <see cref="StateBlobFunctions.SaveAsync"/>: join the <see cref="Parts"/> parts saved under the name.</summary>
public sealed record SaveStateRequest(string InstanceId, string Name, int Parts);

/// <summary>Input of <see cref="StateBlobFunctions.LoadPartAsync"/>.</summary>
public sealed record LoadStatePartRequest(string Path, int Index);
