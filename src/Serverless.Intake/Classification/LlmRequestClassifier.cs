using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Classification;

/// <summary>The request handler's question to the shared <see cref="LlmLabelClassifier"/>: SUPPORT or MODELISATION,
/// judged on the content rather than the form chosen.</summary>
internal sealed class LlmRequestClassifier(LlmLabelClassifier labels, IOptions<ClassificationOptions> options)
{
    private static readonly LlmLabelSet[] Sets = [new("label", RequestTypes.All)];

    private const string Instructions = """
        Tu classes les demandes reçues par les formulaires de la plateforme Figurative.
        SUPPORT : problème d'accès ou de connexion, bug, facturation, compte, question d'utilisation, performance,
        suivi d'une commande déjà passée.
        MODELISATION : demande de réalisation d'une modélisation ou maquette 2D, 3D ou BIM à partir de plans, relevés,
        nuages de points ou scans (maison, immeuble, intérieur, structure, réseaux).
        Le formulaire choisi par l'utilisateur peut être faux : juge d'après le contenu.
        Réponds uniquement avec le JSON demandé : le label et ta confiance entre 0 et 1.
        """;

    public bool IsConfigured => options.Value.Llm.IsConfigured;

    public async Task<LabelGuess> ClassifyAsync(RequestText text, string formType, CancellationToken cancellationToken)
    {
        var files = text.FileNames.Count == 0 ? "aucun" : string.Join(", ", text.FileNames);
        var user = $"Formulaire : {formType}\nObjet : {text.Objet}\nFichiers joints : {files}\nDescription :\n{text.Description}";
        var answer = await labels.ChooseAsync(options.Value.Llm, ClassificationOptions.LlmSectionName, Instructions, user, Sets, cancellationToken);
        var label = answer["label"];
        return new LabelGuess(label.Label, label.Confidence);
    }
}
