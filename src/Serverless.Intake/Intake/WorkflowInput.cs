using System.Text.Json.Nodes;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Intake;

/// <summary>The instance input built from a valid submission. Files are references (staged blob or URL), never
/// their content, so the instance row stays small whatever was attached.</summary>
internal static class WorkflowInput
{
    public static JsonObject From(IntakeSubmission s, DateTimeOffset receivedAt)
    {
        var source = s.Field(IntakeFields.Source)!.Trim().ToLowerInvariant();
        var files = new JsonArray();
        foreach (var file in s.Files)
        {
            var item = new JsonObject { ["name"] = file.Name, ["contentType"] = file.ContentType };
            if (file.Staged is { } staged)
            {
                item["size"] = staged.Size;
                item["sha256"] = staged.Sha256;
                item["blob"] = new JsonObject { ["container"] = staged.Container, ["name"] = staged.Blob };
            }
            else
            {
                item["url"] = file.Url;
            }

            files.Add(item);
        }

        var input = new JsonObject
        {
            [IntakeFields.Source] = source,
            ["form_type"] = RequestTypes.FromSource(source),
            [IntakeFields.Objet] = s.Field(IntakeFields.Objet)!.Trim(),
            [IntakeFields.Description] = s.Field(IntakeFields.Description)!.Trim(),
            [IntakeFields.UserEmail] = s.Field(IntakeFields.UserEmail)!.Trim(),
            [IntakeFields.UserName] = s.Field(IntakeFields.UserName)!.Trim(),
            [IntakeFields.Files] = files,
            ["file_count"] = files.Count,
            ["received_at"] = receivedAt.ToString("O"),
        };
        if (s.EmailFlags.Count > 0)
        {
            input["user_email_flags"] = new JsonArray(s.EmailFlags.Select(f => (JsonNode?)f).ToArray());
        }

        return input;
    }
}
