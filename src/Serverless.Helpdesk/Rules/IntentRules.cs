using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Rules;

/// <summary>One intent label and the phrases that reveal it. Handled: the reply has a part for it, so it is listed in
/// intents_handled when detected (primary or secondary).</summary>
public sealed record IntentLabel(string Label, IReadOnlyList<string> Phrases, bool Handled);

/// <summary>rules/helpdesk/intents.json: the fixed label set (the LLM, when configured, must answer inside it), the
/// phrases of each label, the session preference words (jour / soir) and the complaint words.</summary>
public sealed class IntentRules(IReadOnlyList<IntentLabel> labels, string fallback,
    IReadOnlyDictionary<string, IReadOnlyList<string>> preferences, IReadOnlyList<string> complaint)
{
    public const string FileName = "intents.json";

    public IReadOnlyList<IntentLabel> Labels => labels;

    public string Fallback => fallback;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> SessionPreferences => preferences;

    public IReadOnlyList<string> ComplaintPhrases => complaint;

    public bool IsHandled(string label) => labels.Any(l => l.Label == label && l.Handled);

    internal static IntentRules Load(string folder)
    {
        var file = RulesFile.Load(folder, FileName);
        var labels = new List<IntentLabel>();
        var array = file.Array(file.Root, "$", "labels");
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.labels[{i}]";
            if (array[i] is not JsonObject row || file.Text(row, path, "label") is not { } label)
            {
                continue;
            }

            if (labels.Any(l => l.Label == label))
            {
                file.Problem($"{path}.label", $"'{label}' is listed twice.");
            }

            var handled = row["handled"] is JsonValue h && h.TryGetValue<bool>(out var flag) && flag;
            labels.Add(new IntentLabel(label, file.Texts(row, path, "phrases").Select(IntentText.Normalise).ToList(), handled));
        }

        var fallback = file.Text(file.Root, "$", "fallback") ?? "";
        if (fallback.Length > 0 && labels.All(l => l.Label != fallback))
        {
            file.Problem("$.fallback", $"'{fallback}' is not one of the labels.");
        }

        var preferences = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (file.Root["sessionPreference"] is JsonObject map)
        {
            foreach (var (name, _) in map)
            {
                preferences[name] = file.Texts(map, "$.sessionPreference", name).Select(IntentText.Normalise).ToList();
            }
        }

        var complaint = file.Texts(file.Root, "$", "complaint").Select(IntentText.Normalise).ToList();
        file.ThrowIfProblems();
        return new IntentRules(labels, fallback, preferences, complaint);
    }
}
