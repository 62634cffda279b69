using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Serverless.Host.Web;

public static class HostLoggingExtensions
{
    public const string JsonFormatterName = ConsoleFormatterNames.Json;

    /// <summary>
    /// The console log: in the Development environment one readable line per event (<see cref="TextConsoleFormatter"/>,
    /// coloured on a terminal), elsewhere one JSON object per line with scopes, so the instance, workflow and step ids
    /// the runtime puts in scope appear on every line about a step. <c>Logging:Console:FormatterName</c> (<c>text</c>,
    /// <c>json</c>, <c>simple</c>, <c>systemd</c>) chooses otherwise.
    /// </summary>
    public static ILoggingBuilder AddEmbeddedHostLogging(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConsole();
        logging.AddConsoleFormatter<TextConsoleFormatter, TextConsoleFormatterOptions>();
        var services = logging.Services;
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        services.AddOptions<ConsoleLoggerOptions>().PostConfigure<IHostEnvironment>((options, environment) =>
        {
            if (string.IsNullOrWhiteSpace(options.FormatterName))
            {
                options.FormatterName = environment.IsDevelopment() ? TextConsoleFormatter.FormatterName : JsonFormatterName;
            }
        });
        services.AddSingleton<IValidateOptions<ConsoleLoggerOptions>, ConsoleFormatterNameValidator>();
        // NO_COLOR comes from the environment through configuration (https://no-color.org).
        services.AddOptions<TextConsoleFormatterOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            if (options.ColorBehavior == LoggerColorBehavior.Default)
            {
                options.ColorBehavior = TextConsoleFormatterOptions.ColorsWanted(Console.IsOutputRedirected, configuration["NO_COLOR"])
                    ? LoggerColorBehavior.Enabled
                    : LoggerColorBehavior.Disabled;
            }
        });
        // Its request lines and RequestPath scope hold the raw path (approval tokens); RequestLogging replaces them.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        return logging;
    }

    /// <summary>An unknown formatter name would silently fall back to the framework's plain format: refuse it at start.</summary>
    private sealed class ConsoleFormatterNameValidator : IValidateOptions<ConsoleLoggerOptions>
    {
        private static readonly string[] Known =
            [TextConsoleFormatter.FormatterName, JsonFormatterName, ConsoleFormatterNames.Simple, ConsoleFormatterNames.Systemd];

        public ValidateOptionsResult Validate(string? name, ConsoleLoggerOptions options) =>
            Known.Contains(options.FormatterName, StringComparer.OrdinalIgnoreCase)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Setting 'Logging:Console:FormatterName' must be one of {string.Join(", ", Known)} (was '{options.FormatterName}').");
    }
}
