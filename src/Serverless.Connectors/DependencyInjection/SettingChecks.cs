namespace Serverless.Connectors.DependencyInjection;

/// <summary>Start-up checks that name the setting at fault.</summary>
internal static class SettingChecks
{
    public static void AbsoluteHttpUrl(List<string> problems, string setting, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add($"{setting} is missing: set it to an absolute http(s) URL.");
            }

            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{setting} = '{value}' is not an absolute http(s) URL.");
        }
    }

    public static void Required(List<string> problems, string setting, string? value, string why)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{setting} is missing: {why}.");
        }
    }
}
