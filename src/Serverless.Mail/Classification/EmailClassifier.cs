using System.Globalization;
using Microsoft.Extensions.Options;
using Serverless.Classification.Model;
using Serverless.Connectors.Llm;

namespace Serverless.Mail.Classification;

/// <summary>Category and priority of a message: the built-in models (loaded once, on first use) choose inside the
/// configured label sets, then the urgency rules raise the priority when the text says so. Without a model file the
/// defaults apply and the reasons say so. Pure once the models are loaded: no I/O, no clock.</summary>
public sealed class EmailClassifier
{
    private readonly EmailClassificationOptions options;
    private readonly UrgencyRules rules;
    private readonly Lazy<TextClassifier?> categoryModel;
    private readonly Lazy<TextClassifier?> priorityModel;

    public EmailClassifier(IOptions<EmailClassificationOptions> options)
    {
        this.options = options.Value;
        rules = new UrgencyRules(this.options.UrgencyRules);
        categoryModel = new(() => Load(this.options.CategoryModelPath, "CategoryModelPath", this.options.Categories), LazyThreadSafetyMode.ExecutionAndPublication);
        priorityModel = new(() => Load(this.options.PriorityModelPath, "PriorityModelPath", this.options.Priorities), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <param name="llm">The optional LLM's answer (<see cref="EmailLlmClassifier"/>), keyed "category" and "priority":
    /// a label at or above Llm:MinConfidence is taken, a lower one leaves the set to the model.</param>
    /// <param name="llmNote">Why there is no LLM answer (not configured, failed), for the reasons.</param>
    public EmailClassification Classify(string subject, string text, IReadOnlyDictionary<string, LlmLabel>? llm = null, string? llmNote = null)
    {
        var input = subject + "\n" + text;
        var reasons = new List<string>();
        if (llmNote is not null)
        {
            reasons.Add(llmNote);
        }

        var fromLlm = 0;
        var (category, categoryConfidence) = FromLlm(llm, EmailLlmClassifier.Category, reasons, ref fromLlm)
            ?? Decide(categoryModel.Value, input, options.DefaultCategory, "category", reasons);
        var (priority, priorityConfidence) = FromLlm(llm, EmailLlmClassifier.Priority, reasons, ref fromLlm)
            ?? Decide(priorityModel.Value, input, options.DefaultPriority, "priority", reasons);
        string? urgency = null;
        foreach (var (rule, keyword) in rules.Matches(subject + "\n" + text))
        {
            if (Rank(rule.Priority) < Rank(priority))
            {
                reasons.Add($"urgency rule '{rule.Name}' (\"{keyword}\") raised the priority from {priority} to {rule.Priority}");
                priority = rule.Priority;
                urgency = rule.Name;
            }
            else
            {
                urgency ??= rule.Name;
            }
        }

        if ((categoryModel.Value is not null || fromLlm > 0) && categoryConfidence < options.ReviewBelow)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"category confidence {categoryConfidence:0.00} is below {options.ReviewBelow:0.00}: to be checked"));
        }

        var classifier = fromLlm == 2 ? "llm"
            : fromLlm == 1 ? "llm+model"
            : categoryModel.Value is null && priorityModel.Value is null ? "default" : "model";
        return new EmailClassification(category, categoryConfidence, priority, priorityConfidence, urgency, classifier, reasons);
    }

    private (string Label, double Confidence)? FromLlm(IReadOnlyDictionary<string, LlmLabel>? llm, string set, List<string> reasons, ref int fromLlm)
    {
        if (llm is null || !llm.TryGetValue(set, out var answer))
        {
            return null;
        }

        if (answer.Confidence < options.Llm.MinConfidence)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"LLM {set}: {answer.Label} at {answer.Confidence:0.00}, below {EmailClassificationOptions.LlmSectionName}:MinConfidence ({options.Llm.MinConfidence:0.00}): the model decides"));
            return null;
        }

        fromLlm++;
        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"LLM {set}: {answer.Label} at {answer.Confidence:0.00}"));
        return (answer.Label, answer.Confidence);
    }

    private static (string Label, double Confidence) Decide(TextClassifier? model, string input, string fallback, string what, List<string> reasons)
    {
        if (model is null)
        {
            reasons.Add($"no {what} model file: {fallback} by default");
            return (fallback, 0);
        }

        var prediction = model.Predict(input);
        return (prediction.Label, prediction.Confidence);
    }

    /// <summary>The position of a priority in the configured order, most urgent first; unknown ones rank last.</summary>
    private int Rank(string priority)
    {
        var index = options.Priorities.FindIndex(p => string.Equals(p, priority, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    private static TextClassifier? Load(string path, string setting, IReadOnlyList<string> labels)
    {
        if (string.IsNullOrWhiteSpace(path) || Serverless.Runtime.Hosting.RepositoryFiles.Resolve(path) is null)
        {
            // No model file: the default label decides, and the reasons say so (a wrong file still fails, below).
            return null;
        }

        var model = ModelFiles.Load(path, $"{EmailClassificationOptions.SectionName}:{setting}");
        var unknown = model.Labels.Where(l => !labels.Contains(l, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The model '{path}' ({EmailClassificationOptions.SectionName}:{setting}) answers {string.Join(", ", unknown.Select(u => $"'{u}'"))}, outside the label set {string.Join(", ", labels)}: retrain it on those labels or add them to the setting.");
        }

        return model;
    }
}
