using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>The real Google Sheets connector: a typed HttpClient (base address Connectors:GoogleSheets:BaseUrl, shared
/// resilience handler) with a service-account access token from <see cref="GoogleAccessTokenSource"/> as Bearer.</summary>
internal sealed class GoogleSheetsClient(HttpClient http, GoogleAccessTokenSource tokens, IOptionsMonitor<GoogleSheetsOptions> options,
    TimeProvider time) : IGoogleSheetsClient
{
    private const string Json = "application/json";

    public async Task<GoogleSheetsRow> AppendRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var answer = await SendAsync(HttpMethod.Post, $"{Path(range)}:append?{GoogleSheetsPayloads.AppendQuery}",
            GoogleSheetsPayloads.Row(range, values), cancellationToken);
        return Row(answer["updates"]);
    }

    public async Task<GoogleSheetsRow> UpdateRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var answer = await SendAsync(HttpMethod.Put, $"{Path(range)}?{GoogleSheetsPayloads.UpdateQuery}",
            GoogleSheetsPayloads.Row(range, values), cancellationToken);
        return Row(answer);
    }

    public async Task<int?> FindRowAsync(string sheet, string column, string value, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, Path(GoogleSheetsPayloads.ColumnRange(sheet, column)), null, cancellationToken);
        return GoogleSheetsPayloads.FindInColumn(answer, value);
    }

    private string Path(string range) => GoogleSheetsPayloads.ValuesPath(options.CurrentValue.SpreadsheetId ?? "", range);

    private static GoogleSheetsRow Row(JsonNode? update) =>
        update?["updatedRange"] is JsonValue v && v.TryGetValue<string>(out var range)
            ? new GoogleSheetsRow(range, GoogleSheetsPayloads.RowOf(range))
            : throw new ActivityException(ErrorKinds.Permanent, "Google Sheets answered without an updatedRange.");

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
        }

        await HttpFailures.EnsureSuccessAsync(response, GoogleSheetsOptions.ConnectorName, time, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();
    }
}
