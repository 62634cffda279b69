using Microsoft.Extensions.Options;

namespace Serverless.Host.Configuration;

/// <summary>A settings error found at start, printed for the person who made it: one line per broken rule naming the
/// setting (the validators never echo a secret), no stack trace, and exit code <see cref="ExitCode"/>.</summary>
public static class SettingsFailure
{
    /// <summary>EX_CONFIG from sysexits.h: a configuration error.</summary>
    public const int ExitCode = 78;

    /// <summary>The options validation failure behind <paramref name="exception"/>, however deep the host wrapped it.</summary>
    public static OptionsValidationException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OptionsValidationException validation:
                    return validation;
                case AggregateException aggregate when aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null) is { } inner:
                    return inner;
            }
        }

        return null;
    }

    public static int Report(OptionsValidationException failure, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var message in failure.Failures.Distinct())
        {
            error.WriteLine($"Settings error: {message}");
        }

        error.WriteLine("The host did not start. Fix the setting (command line, environment or local.settings.json) and start it again.");
        return ExitCode;
    }
}
