using Microsoft.Azure.Functions.Worker;

namespace Serverless.Functions.Durable;

/// <summary>The activities the orchestrator stores and loads large states through (it may not do I/O itself).</summary>
public sealed class StateBlobFunctions(StateBlobs blobs)
{
    public const string SaveName = "SaveInstanceState";
    public const string LoadName = "LoadInstanceState";

    [Function(SaveName)]
    public Task<string> SaveAsync([ActivityTrigger] SaveStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return blobs.SaveAsync(request.InstanceId, request.Name, request.State, cancellationToken);
    }

    [Function(LoadName)]
    public Task<string> LoadAsync([ActivityTrigger] string path, CancellationToken cancellationToken) =>
        blobs.LoadAsync(path, cancellationToken);
}

/// <summary>Input of <see cref="StateBlobFunctions.SaveAsync"/>: the InstanceState JSON and the blob's name.</summary>
public sealed record SaveStateRequest(string InstanceId, string Name, string State);
