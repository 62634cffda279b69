using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.ExamPortal;

/// <summary>A candidate's file on the exam portal (ExamT3P in the seed), as the v3 result's input.examt3p shows it.</summary>
public sealed record ExamPortalFile(
    string StatutDossier,
    string? NumDossier,
    int DocumentsCount,
    IReadOnlyList<JsonObject> Examens,
    bool CredentialsValid)
{
    public static readonly ExamPortalFile NotFound = new("Introuvable", null, 0, [], CredentialsValid: false);

    public JsonObject ToJson() => new()
    {
        ["statut_dossier"] = StatutDossier,
        ["num_dossier"] = NumDossier,
        ["documents_count"] = DocumentsCount,
        ["examens"] = new JsonArray(Examens.Select(e => (JsonNode?)e.DeepClone()).ToArray()),
        ["credentials_valid"] = CredentialsValid,
    };
}
