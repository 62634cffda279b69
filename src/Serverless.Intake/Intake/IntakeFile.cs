namespace Serverless.Intake.Intake;

/// <summary>One attached file as received: staged in the blob store (inline or multipart) or given by URL.</summary>
public sealed record IntakeFile
{
    public required string Name { get; init; }

    public string? ContentType { get; init; }

    public string? Url { get; init; }

    public StagedBlob? Staged { get; init; }
}

/// <summary>Where a received file was written before the 202, with its size and SHA-256 (hex).</summary>
public sealed record StagedBlob(string Container, string Blob, long Size, string Sha256);
