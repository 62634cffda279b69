using Microsoft.Extensions.Options;

namespace Serverless.Host.Web;

internal sealed class EmbeddedHostOptionsValidator : IValidateOptions<EmbeddedHostOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedHostOptions options) =>
        options.LocalHttpPort is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"Setting '{EmbeddedHostOptions.SectionName}:{nameof(EmbeddedHostOptions.LocalHttpPort)}' must be a port from 1 to 65535 (was {options.LocalHttpPort}).")
            : ValidateOptionsResult.Success;
}
