using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Activities;

/// <summary>crm.call_webhook: url, method (POST by default), headers, body sent as JSON, through the named HttpClient
/// <see cref="HttpClientName"/>, with an Idempotency-Key header (the step's key) so a receiver can drop a retry.
/// 4xx is Validation (408 Timeout, 429 RateLimited), 5xx, network errors and timeouts are Transient.
/// In a dry run nothing is sent: the output says what would be.</summary>
public sealed class CallWebhookActivity(IHttpClientFactory clients) : IActivity
{
    public const string HttpClientName = "crm.webhook";
    private const int MaxResponseChars = 4000;

    public string Name => CrmNames.Activity(CrmActionTypes.CallWebhook);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = ActivityInput.Required(context, "url").Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw CrmCreation.Invalid(context, $"'{url}' is not an absolute http(s) URL.");
        }

        var method = (ActivityInput.Optional(context, "method") ?? "POST").Trim().ToUpperInvariant();
        var body = context.Input?["body"]?.DeepClone();
        var result = new JsonObject { ["method"] = method, ["url"] = url, ["dry_run"] = context.DryRun };
        if (context.DryRun)
        {
            result["body"] = body;
            return result;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        if (context.Input?["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value?.ToString());
            }
        }

        if (method != "GET" && method != "DELETE")
        {
            request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{context.StepKey}: {method} {uri.Host} failed: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{context.StepKey}: {method} {uri.Host} timed out.", inner: e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var kind = response.StatusCode switch
                {
                    HttpStatusCode.RequestTimeout => ErrorKinds.Timeout,
                    HttpStatusCode.TooManyRequests => ErrorKinds.RateLimited,
                    _ when status >= 500 => ErrorKinds.Transient,
                    _ => ErrorKinds.Validation,
                };
                throw new ActivityException(kind, $"{context.StepKey}: {method} {uri.Host} answered {status}.", response.Headers.RetryAfter?.Delta);
            }

            result["status"] = status;
            result["response"] = Parse(text);
            return result;
        }
    }

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return text.Length <= MaxResponseChars ? text : text[..MaxResponseChars];
        }
    }
}
