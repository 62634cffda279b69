using System.Globalization;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;

namespace Serverless.Mail.Agent;

/// <summary>GET /api/mail/statistics?day=YYYY-MM-DD (default: today, UTC): the counts the daily message sends, for any
/// day, in both hosts.</summary>
public sealed class StatisticsHandler(DailyStatistics statistics, TimeProvider time)
{
    public async Task<IResult> DayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = QueryValues.Single(request.Query, "day", out var error);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (error is null && value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            error = $"'day' must be a date as YYYY-MM-DD (was '{value}').";
        }

        if (error is not null)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["day"] = [error] }, request.Path);
        }

        return Results.Ok(await statistics.OfDayAsync(day, cancellationToken));
    }
}
