namespace Serverless.Classifier.Cli;

/// <summary>"--name value" options and positional words after the command name.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public CliArguments(IReadOnlyList<string> args, IReadOnlySet<string> known)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(args[i]);
                continue;
            }

            var name = args[i][2..];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '--{name}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"option '--{name}' needs a value");
            }

            _options[name] = args[++i];
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) ? value : throw new UsageException($"missing required option '--{name}'");

    public string Optional(string name, string fallback) => _options.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        !_options.TryGetValue(name, out var raw) ? fallback
        : int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"option '--{name}' expects an integer, got '{raw}'");

    public double Double(string name, double fallback) =>
        !_options.TryGetValue(name, out var raw) ? fallback
        : double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new UsageException($"option '--{name}' expects a non-negative number, got '{raw}'");
}
