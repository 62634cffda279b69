using Serverless.Connectors.Llm;

namespace Serverless.Mail.Classification;

/// <summary>Settings "Mail:Classification": the label sets, the models that choose inside them, and the urgency rules.</summary>
public sealed class EmailClassificationOptions
{
    public const string SectionName = "Mail:Classification";
    public const string LlmSectionName = SectionName + ":Llm";

    public static readonly IReadOnlyList<string> DefaultCategories = ["Technique", "Commercial", "Support", "Facturation"];
    public static readonly IReadOnlyList<string> DefaultPriorities = ["Critique", "Haute", "Moyenne", "Basse"];

    /// <summary>The category label set. The model must answer inside it; a label it does not know is refused at start.</summary>
    public List<string> Categories { get; init; } = [];

    /// <summary>The priority label set, most urgent first (the urgency rules raise a priority along this order).</summary>
    public List<string> Priorities { get; init; } = [];

    /// <summary>The built-in model of the category (trained with tools/Serverless.Classifier.Cli). Empty: no model,
    /// every ticket gets <see cref="DefaultCategory"/>.</summary>
    public string CategoryModelPath { get; init; } = "models/email-category.json";

    public string PriorityModelPath { get; init; } = "models/email-priority.json";

    public string DefaultCategory { get; init; } = "Support";

    public string DefaultPriority { get; init; } = "Moyenne";

    /// <summary>Below this confidence the model's category is kept but the ticket is flagged "à vérifier" in its notes.</summary>
    public double ReviewBelow { get; init; } = 0.5;

    /// <summary>Rules over the subject and text: when any keyword is found (ignoring case and accents), the priority is
    /// at least the rule's. Empty: the defaults of <see cref="UrgencyRule.Defaults"/>.</summary>
    public List<UrgencyRule> UrgencyRules { get; init; } = [];

    /// <summary>The optional LLM classifier (provider none by default): asked first, inside the label sets; each
    /// answer below its MinConfidence, and every failure, leaves the choice to the built-in model.</summary>
    public LlmClassifierOptions Llm { get; init; } = new();
}

/// <summary>One urgency rule: any of <see cref="Keywords"/> (a word or phrase) raises the priority to at least <see cref="Priority"/>.</summary>
public sealed class UrgencyRule
{
    public string Name { get; init; } = "";

    public List<string> Keywords { get; init; } = [];

    public string Priority { get; init; } = "";

    public static IReadOnlyList<UrgencyRule> Defaults { get; } =
    [
        new()
        {
            Name = "outage",
            Priority = "Critique",
            Keywords =
            [
                "production down", "site down", "service down", "outage", "data loss", "security breach", "hacked", "ransomware",
                "panne générale", "production arrêtée", "plus rien ne fonctionne", "perte de données", "faille de sécurité", "piratage",
                "site inaccessible", "service indisponible",
            ],
        },
        new()
        {
            Name = "urgent",
            Priority = "Haute",
            Keywords = ["urgent", "asap", "as soon as possible", "blocked", "blocking", "immediately", "urgence", "bloqué", "bloquant", "bloquée", "au plus vite", "immédiatement", "en urgence"],
        },
    ];
}
