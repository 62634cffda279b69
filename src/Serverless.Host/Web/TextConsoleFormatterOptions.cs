using Microsoft.Extensions.Logging.Console;

namespace Serverless.Host.Web;

/// <summary>Options of <see cref="TextConsoleFormatter"/> ("Logging:Console:FormatterOptions" when the formatter is
/// <c>text</c>).</summary>
public sealed class TextConsoleFormatterOptions : ConsoleFormatterOptions
{
    public TextConsoleFormatterOptions()
    {
        IncludeScopes = true;
        TimestampFormat = "HH:mm:ss.fff";
    }

    /// <summary><c>Default</c> colours the line when the output is a terminal and NO_COLOR is not set
    /// (resolved at start by <see cref="HostLoggingExtensions"/>); <c>Enabled</c> / <c>Disabled</c> force it.</summary>
    public LoggerColorBehavior ColorBehavior { get; set; }

    /// <summary>The https://no-color.org convention: colours unless asked otherwise, and never into a file or pipe.</summary>
    public static bool ColorsWanted(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);
}
