using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Serverless.Host.Web;

/// <summary>
/// The console log for a person at a terminal: one line per event, <c>time LVL Category: message  Key=value ...</c>,
/// where the category is its last name segment and the key/values are the scope values the message does not already
/// say (instance, workflow, step, activity, duration...), then the exception on the lines below, indented. Colours
/// (ANSI) only when <see cref="TextConsoleFormatterOptions.ColorBehavior"/> says so. It writes only what the log
/// entry holds, so what the host keeps out of its logs (tokens, keys) stays out here too.
/// </summary>
public sealed class TextConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "text";

    /// <summary>Scope values that are noise for a reader: the request scope's raw id and path (the request line says
    /// them), tracing ids, and the message template.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "{OriginalFormat}", "RequestId", "RequestPath", "TraceId", "SpanId", "ParentId", "ConnectionId",
    };

    private const string Reset = "\u001b[0m";
    private const string Dim = "\u001b[2m";
    private const string Cyan = "\u001b[36m";
    private const string Red = "\u001b[31m";

    private readonly IDisposable? reload;
    private TextConsoleFormatterOptions options;

    public TextConsoleFormatter(IOptionsMonitor<TextConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.CurrentValue;
        reload = options.OnChange(o => this.options = o);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var colors = options.ColorBehavior == LoggerColorBehavior.Enabled;
        var line = new StringBuilder(160);
        var now = options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
        Append(line, now.ToString(options.TimestampFormat ?? "HH:mm:ss.fff", CultureInfo.InvariantCulture), Dim, colors).Append(' ');
        Append(line, Level(logEntry.LogLevel), LevelColor(logEntry.LogLevel), colors).Append(' ');
        Append(line, ShortCategory(logEntry.Category), Cyan, colors).Append(": ");
        line.Append(OneLine(message ?? ""));

        if (options.IncludeScopes && scopeProvider is not null)
        {
            AppendScopes(line, logEntry.State as IEnumerable<KeyValuePair<string, object?>>, scopeProvider, colors);
        }

        line.Append(Environment.NewLine);
        if (logEntry.Exception is { } exception)
        {
            foreach (var text in exception.ToString().Split('\n'))
            {
                line.Append("    ");
                // Exception messages quote data (a mail, an API answer): no terminal escape of theirs reaches the screen.
                Append(line, OneLine(text.TrimEnd('\r')), Red, colors).Append(Environment.NewLine);
            }
        }

        textWriter.Write(line.ToString());
    }

    public void Dispose() => reload?.Dispose();

    /// <summary>"Serverless.Runtime.Dispatch.EventPump" -> "EventPump"; a generic type's arguments are dropped.</summary>
    public static string ShortCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var generic = category.IndexOfAny(['<', '[', '`']);
        var name = generic > 0 ? category[..generic] : category;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static void AppendScopes(StringBuilder line, IEnumerable<KeyValuePair<string, object?>>? state, IExternalScopeProvider scopes, bool colors)
    {
        var said = state?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        var order = new List<string>();
        var unnamed = new List<object>();
        scopes.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    if (Hidden.Contains(key) || said.Contains(key))
                    {
                        continue;
                    }

                    // The innermost scope wins when two name the same key; the outermost sets the order.
                    if (named.TryAdd(key, value))
                    {
                        order.Add(key);
                    }
                    else
                    {
                        named[key] = value;
                    }
                }
            }
            else if (scope is not null)
            {
                unnamed.Add(scope);
            }
        }, (object?)null);

        foreach (var key in order)
        {
            line.Append("  ");
            Append(line, key + "=", Dim, colors).Append(Value(named[key]));
        }

        foreach (var scope in unnamed)
        {
            line.Append("  ").Append(Value(scope));
        }
    }

    private static string Value(object? value)
    {
        var text = value switch
        {
            null => "null",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            float f => f.ToString("0.##", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        var quote = text.Length == 0 || text.Any(c => c is ' ' or '"' or '=' || char.IsControl(c));
        if (!quote)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.Append('"').ToString();
    }

    /// <summary>Keeps an event on its line: line breaks in a message become an indented continuation, and other
    /// control characters (a terminal escape sequence in an e-mail subject, say) are shown, not obeyed.</summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => clean,
                '\n' => clean.Append(Environment.NewLine).Append("    "),
                '\t' => clean.Append(c),
                _ when char.IsControl(c) => clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => clean.Append(c),
            };
        }

        return clean.ToString();
    }

    private static StringBuilder Append(StringBuilder line, string text, string color, bool colors) =>
        colors ? line.Append(color).Append(text).Append(Reset) : line.Append(text);

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Critical => "CRT",
        _ => "???",
    };

    private static string LevelColor(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => Dim,
        LogLevel.Information => "\u001b[32m",
        LogLevel.Warning => "\u001b[1;33m",
        LogLevel.Error => "\u001b[1;31m",
        LogLevel.Critical => "\u001b[1;97;41m",
        _ => "",
    };
}
