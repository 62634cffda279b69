namespace Serverless.Intake.Intake;

/// <summary>Every problem found in one request, by field, and the HTTP status they call for
/// (413 when something is too large, else 415 when a file type is refused, else 400).</summary>
internal sealed class IntakeErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
    private bool tooLarge;
    private bool unsupportedType;

    public bool Any => byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list))
        {
            byField[field] = list = [];
        }

        list.Add(message);
    }

    public void AddTooLarge(string field, string message)
    {
        tooLarge = true;
        Add(field, message);
    }

    public void AddUnsupportedType(string field, string message)
    {
        unsupportedType = true;
        Add(field, message);
    }

    public int Status => tooLarge ? 413 : unsupportedType ? 415 : 400;

    public IDictionary<string, string[]> ToDictionary() => byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
