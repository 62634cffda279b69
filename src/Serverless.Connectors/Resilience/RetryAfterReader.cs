using System.Globalization;

namespace Serverless.Connectors.Resilience;

/// <summary>Reads how long a server asked us to wait: Retry-After (seconds or HTTP date, RFC 9110) or
/// X-RateLimit-Reset (ClickUp: Unix time in seconds when the window resets).</summary>
internal static class RetryAfterReader
{
    private const long UnixTimeThreshold = 1_000_000_000;

    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NotNegative(date - now);
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return reset >= UnixTimeThreshold
                ? NotNegative(DateTimeOffset.FromUnixTimeSeconds(reset) - now)
                : NotNegative(TimeSpan.FromSeconds(reset));
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
