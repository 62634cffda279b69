namespace Serverless.Intake.Intake;

/// <summary>The JSON form of an intake request, for the OpenAPI document (the handler reads the body itself).</summary>
public sealed record IntakeRequestDocument(
    string Source,
    string Objet,
    string Description,
    string User_email,
    string User_name,
    IReadOnlyList<IntakeFileDocument>? Fichiers);

/// <summary>A file inline ({name, contentType, contentBase64}) or by reference ({name, url}).</summary>
public sealed record IntakeFileDocument(string Name, string? ContentType, string? ContentBase64, string? Url);
