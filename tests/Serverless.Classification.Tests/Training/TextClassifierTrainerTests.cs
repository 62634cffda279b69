using Serverless.Classification.Data;
using Serverless.Classification.Training;

namespace Serverless.Classification.Tests.Training;

public class TextClassifierTrainerTests
{
    [Fact]
    public void Train_ToySet_SeparatesTrainingAndUnseenTexts()
    {
        var classifier = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);

        ToyData.TwoLabels.Should().OnlyContain(e => classifier.Predict(e.Text).Label == e.Label);
        classifier.Predict("je ne peux plus me connecter à mon compte").Label.Should().Be("SUPPORT");
        classifier.Predict("modélisation 3D d'un appartement d'après plans").Label.Should().Be("MODELISATION");
    }

    [Fact]
    public void Predict_AnyText_ProbabilitiesSumToOneAndConfidenceIsTheMaximum()
    {
        var classifier = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);

        var prediction = classifier.Predict("facture du modèle 3D");

        prediction.Probabilities.Values.Sum().Should().BeApproximately(1.0, 1e-12);
        prediction.Confidence.Should().Be(prediction.Probabilities.Values.Max());
        prediction.Probabilities[prediction.Label].Should().Be(prediction.Confidence);
    }

    [Fact]
    public void Train_SameSeed_GivesIdenticalModel()
    {
        var first = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options with { Seed = 7 });
        var second = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options with { Seed = 7 });

        second.Model.Weights.Should().Equal(first.Model.Weights);
        second.Model.Bias.Should().Equal(first.Model.Bias);
        second.Model.Temperature.Should().Be(first.Model.Temperature);
        second.Vectorizer.Vocabulary.Should().Equal(first.Vectorizer.Vocabulary);
    }

    [Fact]
    public void Train_OneThreadOrMany_GivesIdenticalModel()
    {
        var one = TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options with { Parallelism = 1 });
        var many = TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options with { Parallelism = 4 });

        many.Model.Weights.Should().Equal(one.Model.Weights);
        many.Model.Bias.Should().Equal(one.Model.Bias);
        many.Model.Temperature.Should().Be(one.Model.Temperature);
    }

    [Fact]
    public void Train_WithProgress_ReportsEveryFoldAndTheFinalFit()
    {
        var reports = new List<TrainingProgress>();

        TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options, new SynchronousProgress(reports.Add));

        // 3 folds + the final fit, 3 labels each.
        reports.Should().Contain(r => r.Stage == "featurizing" && r.Done == 0);
        reports.Should().Contain(r => r.Stage == "fold 3/3");
        reports.Should().Contain(r => r.Stage == "final fit" && r.Done == 12 && r.Total == 12);
    }

    [Fact]
    public void Train_ExamplesInAnotherOrder_GivesSameLabelOrderAndPredictions()
    {
        var first = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);
        var second = TextClassifierTrainer.Train([.. ToyData.TwoLabels.Reverse()], ToyData.Options);

        second.Labels.Should().Equal(first.Labels);
        second.Predict("compte bloqué").Label.Should().Be(first.Predict("compte bloqué").Label);
    }

    [Fact]
    public void Train_ThreeLabels_LearnsEachOne()
    {
        var classifier = TextClassifierTrainer.Train(ToyData.ThreeLabels, ToyData.Options);

        classifier.Labels.Should().BeEquivalentTo("Basse", "Critique", "Moyenne");
        classifier.Predict("urgent : le serveur est en panne").Label.Should().Be("Critique");
        classifier.Predict("à corriger cette semaine si possible").Label.Should().Be("Moyenne");
        classifier.Predict("une idée pour plus tard, pas pressé").Label.Should().Be("Basse");
        classifier.Predict("panne").Probabilities.Should().HaveCount(3);
    }

    [Fact]
    public void Train_OneLabel_IsRefused()
    {
        var act = () => TextClassifierTrainer.Train([new LabeledExample("a b c", "X"), new LabeledExample("d e f", "X")], ToyData.Options);

        act.Should().Throw<ArgumentException>().WithMessage("*at least two distinct labels*");
    }

    [Fact]
    public void Train_LabelWithOneExample_SkipsCalibrationButStillTrains()
    {
        var classifier = TextClassifierTrainer.Train(
            [new LabeledExample("facture", "A"), new LabeledExample("facture payée", "A"), new LabeledExample("maquette", "B")],
            ToyData.Options);

        classifier.Metadata.CalibrationFolds.Should().Be(0);
        classifier.Model.Temperature.Should().Be(1.0);
        classifier.Predict("maquette").Label.Should().Be("B");
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        private readonly Lock _gate = new();

        public void Report(TrainingProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
