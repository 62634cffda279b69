using Microsoft.Extensions.Options;
using Serverless.Classification.Model;
using Serverless.Mail.Classification;
using Serverless.Runtime.Hosting;

namespace Serverless.Mail.Tests.Classification;

/// <summary>The email ticket agent's shipped models (models/email-category.json, models/email-priority.json, trained on
/// data/classification/emails-train.jsonl): the default settings find them, and they answer inside the default label sets.</summary>
public sealed class ShippedEmailModelsTests
{
    private static EmailClassifier DefaultClassifier() => new(Options.Create(new EmailClassificationOptions
    {
        Categories = [.. EmailClassificationOptions.DefaultCategories],
        Priorities = [.. EmailClassificationOptions.DefaultPriorities],
        UrgencyRules = [.. UrgencyRule.Defaults],
    }));

    [Theory]
    [InlineData("models/email-category.json", "Technique,Commercial,Support,Facturation")]
    [InlineData("models/email-priority.json", "Critique,Haute,Moyenne,Basse")]
    public void ShippedModel_IsFoundByTheDefaultPath_AndKnowsExactlyTheDefaultLabels(string path, string labels)
    {
        var file = RepositoryFiles.Resolve(path);
        file.Should().NotBeNull($"{path} is shipped with the repository");
        using var stream = File.OpenRead(file!);
        TextClassifier.Load(stream).Labels.Should().BeEquivalentTo(labels.Split(','));
    }

    [Theory]
    [InlineData("Facture de novembre en double", "Bonjour, la facture de novembre nous a été envoyée deux fois avec deux numéros différents. Pouvez-vous annuler l'une des deux ? Merci", "Facturation")]
    [InlineData("Quote for 30 seats", "Hi, could you send us a quote for 30 seats on the Business plan, billed yearly? Thanks, Anna", "Commercial")]
    [InlineData("Comment ajouter un collègue ?", "Bonjour, je ne trouve pas où inviter un nouveau collègue sur notre compte. Pouvez-vous m'indiquer la marche à suivre ?", "Support")]
    public void DefaultSettings_ClassifyWithTheModels(string subject, string text, string category)
    {
        var result = DefaultClassifier().Classify(subject, text);

        result.Classifier.Should().Be("model");
        result.Category.Should().Be(category);
        result.CategoryConfidence.Should().BeGreaterThan(0);
        EmailClassificationOptions.DefaultPriorities.Should().Contain(result.Priority);
        result.Reasons.Should().NotContain(r => r.Contains("model file", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOutage_IsTechniqueAndCritique()
    {
        var result = DefaultClassifier().Classify(
            "Plus aucun accès à l'application",
            "Depuis 9 h plus personne ne peut se connecter, toutes les pages affichent une erreur 503. Nos agences sont à l'arrêt.");

        result.Category.Should().Be("Technique");
        result.Priority.Should().Be("Critique");
    }
}
