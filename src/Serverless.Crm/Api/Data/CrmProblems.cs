namespace Serverless.Crm.Api.Data;

/// <summary>Every problem of a request, each under the JSON path (or query parameter) it is about, in the order
/// found: what <see cref="Serverless.Api.Http.ApiProblems.Invalid(IDictionary{string, string[]}, string?)"/> answers.</summary>
internal sealed class CrmProblems
{
    private readonly Dictionary<string, List<string>> problems = new(StringComparer.Ordinal);

    public int Count => problems.Count;

    public void Add(string path, string message)
    {
        if (!problems.TryGetValue(path, out var messages))
        {
            problems[path] = messages = [];
        }

        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>$.name, or $['odd key'] when the name is not a plain identifier.</summary>
    public static string Path(string parent, string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
