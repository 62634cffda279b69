using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Channels;

internal sealed partial class ChannelQueueOptionsValidator : IValidateOptions<ChannelQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelQueueOptions options)
    {
        var failures = new List<string>();
        if (options.ServiceUri is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{ChannelQueueOptions.SectionName}:ServiceUri (or {ChannelQueueOptions.SectionName}:ConnectionString) is missing: emit steps publish to that storage queue.");
        }

        if (options.ServiceUri is not null && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{ChannelQueueOptions.SectionName}: set ServiceUri or ConnectionString, not both.");
        }

        // Azure queue names: 3-63 lowercase letters, digits and single hyphens; "-poison" must still fit.
        if (!QueueName().IsMatch(options.Name) || options.PoisonName.Length > 63)
        {
            failures.Add($"{ChannelQueueOptions.SectionName}:Name '{options.Name}' is not a valid queue name (3-56 lowercase letters, digits, single hyphens).");
        }

        if (options.MaxDequeueCount < 1)
        {
            failures.Add($"{ChannelQueueOptions.SectionName}:MaxDequeueCount must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
