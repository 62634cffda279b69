namespace Serverless.Intake.Intake;

/// <summary>A request as read from JSON or multipart: the raw text fields, the files (already staged) and the
/// problems found while reading. Validation of the field values happens after, on this same object.</summary>
internal sealed class IntakeSubmission
{
    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

    public List<IntakeFile> Files { get; } = [];

    public IntakeErrors Errors { get; } = new();

    /// <summary>Notes on an accepted user_email (<see cref="EmailAddressCheck.MixedScriptFlag"/>), passed on in the input.</summary>
    public List<string> EmailFlags { get; } = [];

    public string? Field(string name) => Fields.GetValueOrDefault(name);
}
