using Serverless.Classification.Model;
using Serverless.Classification.Training;

namespace Serverless.Classification.Tests.Training;

public class ClassifierSetTests
{
    private static readonly string[] Texts =
    [
        "urgent : le serveur de facturation est en panne", "panne totale de la connexion, urgent",
        "la facture de mars est fausse, à corriger cette semaine", "facture en double, pas pressé",
        "je n'arrive plus à me connecter, bloquant", "idée : un export de la facture en pdf, plus tard",
    ];

    private static readonly Dictionary<string, IReadOnlyList<string>> LabelSets = new()
    {
        ["category"] = ["panne", "panne", "facture", "facture", "panne", "facture"],
        ["priority"] = ["haute", "haute", "basse", "basse", "haute", "basse"],
    };

    [Fact]
    public void TrainSet_TwoLabelSets_PredictsBothFromOneVectorizer()
    {
        var set = TextClassifierTrainer.TrainSet(Texts, LabelSets, ToyData.Options);

        set.Names.Should().Equal("category", "priority");
        set.Classifiers["category"].Vectorizer.Should().BeSameAs(set.Classifiers["priority"].Vectorizer);
        var predictions = set.Predict("urgent, panne du serveur");
        predictions["category"].Label.Should().Be("panne");
        predictions["priority"].Label.Should().Be("haute");
        predictions["priority"].Should().BeEquivalentTo(set.Classifiers["priority"].Predict("urgent, panne du serveur"));
    }

    [Fact]
    public void Combine_SavedAndLoadedModelsOfOneRun_AreAccepted()
    {
        var set = TextClassifierTrainer.TrainSet(Texts, LabelSets, ToyData.Options);

        var loaded = set.Names.ToDictionary(name => name, name => RoundTrip(set.Classifiers[name]));

        ClassifierSet.Combine(loaded).Predict("facture à corriger")["category"].Label.Should().Be("facture");
    }

    [Fact]
    public void Combine_ModelsWithDifferentFeatures_IsRefused()
    {
        var a = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);
        var b = TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options);

        var act = () => ClassifierSet.Combine(new Dictionary<string, TextClassifier> { ["a"] = a, ["b"] = b });

        act.Should().Throw<ArgumentException>().WithMessage("*does not use the same features*");
    }

    [Fact]
    public void TrainSet_LabelCountMismatch_NamesTheSet()
    {
        var act = () => TextClassifierTrainer.TrainSet(Texts, new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["haute", "basse"] });

        act.Should().Throw<ArgumentException>().WithMessage("*'priority' has 2 labels for 6 texts*");
    }

    private static TextClassifier RoundTrip(TextClassifier classifier)
    {
        using var stream = new MemoryStream();
        classifier.Save(stream);
        stream.Position = 0;
        return TextClassifier.Load(stream);
    }
}
