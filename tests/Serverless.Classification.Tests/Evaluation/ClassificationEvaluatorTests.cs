using Serverless.Classification.Data;
using Serverless.Classification.Evaluation;
using Serverless.Classification.Training;

namespace Serverless.Classification.Tests.Evaluation;

public class ClassificationEvaluatorTests
{
    [Fact]
    public void Evaluate_KnownMistakes_GivesConfusionAndPerLabelFigures()
    {
        var classifier = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);
        LabeledExample[] examples =
        [
            new("compte bloqué, connexion refusée", "SUPPORT"),
            new("maquette 3D de ma maison", "MODELISATION"),
            new("maquette BIM à partir des plans", "SUPPORT"),
        ];

        var report = ClassificationEvaluator.Evaluate(classifier, examples);

        report.Labels.Should().Equal("MODELISATION", "SUPPORT");
        report.Confusion[0].Should().Equal(1, 0);
        report.Confusion[1].Should().Equal(1, 1);
        report.Accuracy.Should().BeApproximately(2.0 / 3, 1e-12);
        report.PerLabel[0].Precision.Should().BeApproximately(0.5, 1e-12);
        report.PerLabel[1].Recall.Should().BeApproximately(0.5, 1e-12);
        report.MacroF1.Should().BeApproximately((2.0 / 3 + 2.0 / 3) / 2, 1e-12);
    }

    [Fact]
    public void Evaluate_LabelUnknownToModel_CountsAsErrorRow()
    {
        var classifier = TextClassifierTrainer.Train(ToyData.TwoLabels, ToyData.Options);

        var report = ClassificationEvaluator.Evaluate(classifier, [new LabeledExample("compte bloqué", "AUTRE")]);

        report.Labels.Should().Equal("MODELISATION", "SUPPORT", "AUTRE");
        report.Accuracy.Should().Be(0);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectlyCalibratedBins_IsZero()
    {
        var predictions = Enumerable.Range(0, 10).Select(i => (0.75, i % 4 != 0)).ToArray();

        Calibration.ExpectedCalibrationError([.. predictions.Take(8)]).Should().BeApproximately(0, 1e-12);
        Calibration.ExpectedCalibrationError([(0.9, false)]).Should().BeApproximately(0.9, 1e-12);
    }
}
