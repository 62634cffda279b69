namespace Serverless.Api.Security;

/// <summary>The rules of <see cref="EntraIdOptions"/>, each broken one named as users write the setting
/// ("Api:EntraId:TenantId"). None of these values is a secret, so a short excerpt of a bad one is quoted.</summary>
internal static class EntraIdOptionsValidator
{
    private const string Section = EntraIdOptions.SectionName;

    public static IEnumerable<string> Problems(EntraIdOptions options)
    {
        if (!options.Enabled)
        {
            foreach (var (name, value) in new[] { (nameof(EntraIdOptions.Scope), options.Scope), (nameof(EntraIdOptions.RequiredRole), options.RequiredRole) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    yield return $"Setting '{Section}:{name}' needs {Section}:TenantId and {Section}:ClientId (Entra ID sign-in is off without them).";
                }
            }

            yield break;
        }

        if (!Guid.TryParse(options.TenantId, out _))
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.TenantId)}' must be the directory (tenant) ID, a GUID such as "
                + $"00000000-0000-0000-0000-000000000000 ({Quoted(options.TenantId)}).";
        }

        if (!Guid.TryParse(options.ClientId, out _))
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.ClientId)}' must be the application (client) ID of the console's app registration, "
                + $"a GUID ({Quoted(options.ClientId)}).";
        }

        if (!string.IsNullOrWhiteSpace(options.Audience) && !Guid.TryParse(options.Audience, out _)
            && !(Uri.TryCreate(options.Audience, UriKind.Absolute, out var audience) && audience.Scheme is "api" or "https"))
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.Audience)}' must be the API's application ID URI (api://... or https://...) "
                + $"or its client ID ({Quoted(options.Audience)}).";
        }

        if (InstanceProblem(options.Instance) is { } instance)
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.Instance)}' {instance} ({Quoted(options.Instance)}).";
        }

        if (!string.IsNullOrEmpty(options.Scope) && !IsName(options.Scope))
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.Scope)}' must be one permission name such as access_as_user, "
                + $"without spaces or '/' ({Quoted(options.Scope)}).";
        }

        if (!string.IsNullOrEmpty(options.RequiredRole) && !IsName(options.RequiredRole))
        {
            yield return $"Setting '{Section}:{nameof(EntraIdOptions.RequiredRole)}' must be one app role value such as Console.Operator, "
                + $"without spaces ({Quoted(options.RequiredRole)}).";
        }
    }

    /// <summary>https, or http to a loopback address (a local test provider): the signing keys come from there.</summary>
    private static string? InstanceProblem(string instance)
    {
        if (!Uri.TryCreate(instance, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must be an absolute URL such as https://login.microsoftonline.com/";
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? null
            : "must be an https URL (http only for a loopback address)";
    }

    private static bool IsName(string value) => value.All(c => c > ' ' && c < '\u007f' && c != '/');

    private static string Quoted(string? value) => string.IsNullOrEmpty(value)
        ? "it is empty"
        : $"was '{new string([.. value.Take(60).Where(c => !char.IsControl(c))])}'";
}
