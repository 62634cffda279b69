using Serverless.Classification.Data;
using Serverless.Classification.Features;
using Serverless.Classification.Training;

namespace Serverless.Classification.Tests;

internal static class ToyData
{
    /// <summary>Small corpora keep every feature: with min-df 2 a toy set would lose most of its words.</summary>
    public static TrainingOptions Options { get; } = new()
    {
        Features = new FeatureOptions { MinDocumentFrequency = 1 },
        CalibrationFolds = 3,
    };

    public static IReadOnlyList<LabeledExample> TwoLabels { get; } =
    [
        new("mot de passe oublié, impossible de me connecter", "SUPPORT"),
        new("connexion refusée, compte bloqué", "SUPPORT"),
        new("facture en double, merci de rembourser", "SUPPORT"),
        new("le site est lent et plante", "SUPPORT"),
        new("erreur à la connexion au compte", "SUPPORT"),
        new("modéliser ma maison en 3D à partir des plans", "MODELISATION"),
        new("maquette BIM d'un immeuble depuis un nuage de points", "MODELISATION"),
        new("plans 2D et modélisation de mon appartement", "MODELISATION"),
        new("modélisation 3D d'une extension de maison", "MODELISATION"),
        new("maquette 3D de bureaux à partir des plans DWG", "MODELISATION"),
    ];

    public static IReadOnlyList<LabeledExample> ThreeLabels { get; } =
    [
        new("serveur en panne, production arrêtée, urgent", "Critique"),
        new("plus aucun accès, tout est bloqué, urgent", "Critique"),
        new("panne totale du service, urgent", "Critique"),
        new("erreur sur une facture à corriger cette semaine", "Moyenne"),
        new("un bouton mal affiché, à corriger cette semaine", "Moyenne"),
        new("export lent, à regarder cette semaine", "Moyenne"),
        new("suggestion : ajouter un thème sombre un jour", "Basse"),
        new("question générale sur la documentation, pas pressé", "Basse"),
        new("idée d'amélioration, quand vous aurez le temps", "Basse"),
    ];
}
