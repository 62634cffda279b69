using System.Globalization;
using System.Text;
using Serverless.Classification.Evaluation;
using Serverless.Classification.Model;

namespace Serverless.Classifier.Cli;

internal static class ReportFormatter
{
    public static string Format(EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Examples: {report.Count}");
        text.AppendLine(c, $"Accuracy: {report.Accuracy:F4}");
        text.AppendLine(c, $"Macro-F1: {report.MacroF1:F4}");
        text.AppendLine(c, $"Log-loss: {report.LogLoss:F4}");
        text.AppendLine(c, $"ECE (10 bins): {report.ExpectedCalibrationError:F4}");
        text.AppendLine();
        var width = Math.Max(12, report.Labels.Max(l => l.Length) + 2);
        text.AppendLine(c, $"{"label".PadRight(width)}{"precision",10}{"recall",10}{"f1",10}{"support",10}");
        foreach (var m in report.PerLabel)
        {
            text.AppendLine(c, $"{m.Label.PadRight(width)}{m.Precision,10:F4}{m.Recall,10:F4}{m.F1,10:F4}{m.Support,10}");
        }

        text.AppendLine();
        text.AppendLine("Confusion matrix (rows: true label, columns: predicted label)");
        text.Append("".PadRight(width));
        foreach (var label in report.Labels)
        {
            text.Append(label.PadLeft(width));
        }

        text.AppendLine();
        for (var i = 0; i < report.Labels.Count; i++)
        {
            text.Append(report.Labels[i].PadRight(width));
            foreach (var cell in report.Confusion[i])
            {
                text.Append(cell.ToString(c).PadLeft(width));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>What the model file says about its calibration: the cross-fit ECE before and after temperature scaling.</summary>
    public static string Calibration(TextClassifier classifier)
    {
        var m = classifier.Metadata;
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(m.CalibrationFolds > 0
            ? string.Create(c, $"Calibration (from training, {m.CalibrationFolds}-fold cross-fit): ECE {m.CrossValidatedEceBefore:F4} before, {m.CrossValidatedEceAfter:F4} after temperature scaling (T = {classifier.Model.Temperature:F4})")
            : "Calibration: none (a label had fewer than 2 training examples; temperature 1)");
        return text.ToString();
    }
}
