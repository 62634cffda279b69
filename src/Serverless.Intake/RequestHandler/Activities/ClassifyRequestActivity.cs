using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Intake.Classification;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>Step 1: type_final, confiance, reclassifie and the classifier that decided (see <see cref="RequestClassificationPolicy"/>).</summary>
internal sealed class ClassifyRequestActivity(RequestClassificationPolicy policy) : IActivity
{
    public string Name => RequestHandlerNames.Classify;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var formType = RequestTypes.FromSource(ActivityInput.Required(context, "source"));
        var files = ActivityInput.Array(context, "fichiers").Select(f => f?["name"]?.ToString()).OfType<string>().ToList();
        var text = new RequestText(ActivityInput.Optional(context, "objet") ?? "", ActivityInput.Optional(context, "description") ?? "", files);
        var outcome = await policy.ClassifyAsync(text, formType, cancellationToken);
        return new JsonObject
        {
            ["type_final"] = outcome.TypeFinal,
            ["confiance"] = outcome.Confiance,
            ["reclassifie"] = outcome.Reclassifie,
            ["classifier"] = outcome.Classifier,
            ["form_type"] = outcome.FormType,
            ["notes"] = JsonSerializer.SerializeToNode(outcome.Notes),
        };
    }
}
