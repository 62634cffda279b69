using System.Net;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Resilience;

/// <summary>Turns a final non-success HTTP answer (after the pipeline's retries) into an <see cref="ActivityException"/>
/// whose kind the workflow's retry policy selects on, carrying the API's own error message.</summary>
public static class HttpFailures
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string connector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw ToException(response, connector, ApiErrorMessage.Read(body), time.GetUtcNow());
    }

    internal static ActivityException ToException(HttpResponseMessage response, string connector, string? apiMessage, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var detail = apiMessage is null ? "" : $": {apiMessage}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new ActivityException(ErrorKinds.Unauthorized, $"{connector} refused the credentials (HTTP {status}){detail}"),
            HttpStatusCode.TooManyRequests =>
                new ActivityException(ErrorKinds.RateLimited, $"{connector} rate limit reached (HTTP 429){detail}",
                    RetryAfterReader.Read(response, now)),
            HttpStatusCode.RequestTimeout =>
                new ActivityException(ErrorKinds.Timeout, $"{connector} timed out (HTTP 408){detail}"),
            HttpStatusCode.NotFound => new ActivityException(ErrorKinds.NotFound, $"{connector} found nothing (HTTP 404){detail}"),
            HttpStatusCode.Conflict => new ActivityException(ErrorKinds.Conflict, $"{connector} reported a conflict (HTTP 409){detail}"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                new ActivityException(ErrorKinds.Validation, $"{connector} rejected the request (HTTP {status}){detail}"),
            _ when status >= 500 => new ActivityException(ErrorKinds.Transient, $"{connector} failed (HTTP {status}){detail}",
                RetryAfterReader.Read(response, now)),
            _ => new ActivityException(ErrorKinds.Permanent, $"{connector} refused the request (HTTP {status}){detail}"),
        };
    }
}
