using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>Google's OAuth token endpoint and the Sheets API v4 values endpoints, as documented. POST /token takes
/// grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with a JWT assertion whose RS256 signature it verifies with
/// the public part of the test key, and whose header (alg, typ, kid) and claims (iss, scope, aud = this token URL,
/// iat near <see cref="Clock"/>, exp = iat + 3600) it checks; it answers {access_token, expires_in, token_type} or
/// 400 {error: invalid_grant, error_description}. The values endpoints take only tokens it issued (else 401
/// UNAUTHENTICATED): :append (USER_ENTERED, INSERT_ROWS) writes after the last row and answers
/// {spreadsheetId, tableRange, updates: {updatedRange, ...}}; PUT writes the range; GET answers a ValueRange without
/// trailing empty rows. Errors are Google's {error: {code, message, status}}. Cells keep what Sheets would show:
/// a leading apostrophe (text marker) is dropped.</summary>
public sealed class FakeGoogleSheetsServer : FakeApiServer
{
    public const string SpreadsheetId = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
    public const string ClientEmail = "ticket-agent@serverless-tests.iam.gserviceaccount.com";
    public const string KeyId = "8f3c2a91d0b44e7f9a6c5b1e2d3f4a5b6c7d8e9f";
    public const string Scope = "https://www.googleapis.com/auth/spreadsheets";
    private const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>Made when the tests run, never stored: the service account's key. The server knows only its public part.</summary>
    private static readonly Lazy<RSA> TestKey = new(() => RSA.Create(2048));

    private readonly ConcurrentDictionary<string, bool> _issued = new();
    private readonly RSA _publicKey = RSA.Create();
    private int _nextToken;

    private FakeGoogleSheetsServer() => _publicKey.ImportSubjectPublicKeyInfo(TestKey.Value.ExportSubjectPublicKeyInfo(), out _);

    public static string PrivateKeyPem => TestKey.Value.ExportPkcs8PrivateKeyPem();

    /// <summary>The clock iat is checked against (the test's clock when it moves time by hand).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int TokenLifetimeSeconds { get; set; } = 3599;

    /// <summary>The rows of each sheet, by sheet name; a row is its cells from column A.</summary>
    public ConcurrentDictionary<string, List<List<string>>> Sheets { get; } = new();

    /// <summary>The verified assertions, header and claims, in the order they came.</summary>
    public ConcurrentQueue<(JsonObject Header, JsonObject Claims)> Assertions { get; } = new();

    public string TokenUrl => Url.TrimEnd('/') + "/token";

    public string BaseUrl => Url.TrimEnd('/') + "/v4/";

    public static async Task<FakeGoogleSheetsServer> StartNewAsync()
    {
        var server = new FakeGoogleSheetsServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>A key file as Google Cloud downloads it; token_uri defaults to this server's token endpoint.</summary>
    public string ServiceAccountJson(string? tokenUri = null, string? privateKeyPem = null) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = "serverless-tests",
        ["private_key_id"] = KeyId,
        ["private_key"] = privateKeyPem ?? PrivateKeyPem,
        ["client_email"] = ClientEmail,
        ["client_id"] = "104729581234567890123",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri ?? TokenUrl,
        ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
    }.ToJsonString();

    /// <summary>Every token issued so far is refused from now on (revoked, or the key disabled).</summary>
    public void RevokeTokens() => _issued.Clear();

    public void Seed(string sheet, params string[][] rows) => Sheets[sheet] = [.. rows.Select(r => r.ToList())];

    public static string Error(int code, string message, string status) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }.ToJsonString();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/token", (HttpContext c) => Token(RawBody(c)));
        app.MapMethods("/v4/spreadsheets/{id}/values/{**range}", ["GET", "POST", "PUT"], (HttpContext c, string id, string range) =>
            Authorized(c) ?? (id != SpreadsheetId ? Json(404, Error(404, "Requested entity was not found.", "NOT_FOUND")) : Values(c, range)));
    }

    private IResult Token(string form)
    {
        var fields = QueryHelpers.ParseQuery(form);
        if (fields["grant_type"] != GrantType)
        {
            return OAuthError("unsupported_grant_type", $"Invalid grant_type: {fields["grant_type"]}");
        }

        var parts = fields["assertion"].ToString().Split('.');
        if (parts.Length != 3)
        {
            return OAuthError("invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
        }

        if (!_publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return OAuthError("invalid_grant", "Invalid JWT Signature.");
        }

        var header = (JsonObject)JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var claims = (JsonObject)JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        var iat = claims["iat"]?.GetValue<long>() ?? 0;
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        string? problem =
            header["alg"]?.GetValue<string>() != "RS256" || header["typ"]?.GetValue<string>() != "JWT" ? "Invalid JWT header."
            : header["kid"]?.GetValue<string>() != KeyId ? "Invalid key id."
            : claims["iss"]?.GetValue<string>() != ClientEmail ? "Invalid issuer."
            : claims["scope"]?.GetValue<string>() != Scope ? "Invalid OAuth scope or ID token audience provided."
            : claims["aud"]?.GetValue<string>() != TokenUrl ? "Invalid JWT: audience is not the token endpoint."
            : Math.Abs(iat - now) > 60 || claims["exp"]?.GetValue<long>() != iat + 3600
                ? "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values."
            : null;
        if (problem is not null)
        {
            return OAuthError("invalid_grant", problem);
        }

        Assertions.Enqueue((header, claims));
        var token = $"ya29.fake-{Interlocked.Increment(ref _nextToken)}";
        _issued[token] = true;
        return Json(200, new JsonObject { ["access_token"] = token, ["expires_in"] = TokenLifetimeSeconds, ["token_type"] = "Bearer" }.ToJsonString());
    }

    private IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) && _issued.ContainsKey(auth[7..])
            ? null
            : Json(401, Error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED"));

    private IResult Values(HttpContext context, string path)
    {
        var query = context.Request.Query;
        var append = context.Request.Method == "POST" && path.EndsWith(":append", StringComparison.Ordinal);
        var range = append ? path[..^":append".Length] : path;
        if (!TryParse(range, out var sheet, out var column, out var row) || !Sheets.TryGetValue(sheet, out var rows))
        {
            return Json(400, Error(400, $"Unable to parse range: {range}", "INVALID_ARGUMENT"));
        }

        if (context.Request.Method == "GET")
        {
            return Json(200, Read(sheet, rows, column).ToJsonString());
        }

        if (query["valueInputOption"] != "USER_ENTERED" || (append && query["insertDataOption"] != "INSERT_ROWS"))
        {
            return Json(400, Error(400, "Invalid valueInputOption or insertDataOption.", "INVALID_ARGUMENT"));
        }

        var body = Body(context);
        if (body?["values"] is not JsonArray { Count: 1 } values || values[0] is not JsonArray cells || (body["range"] is { } r && r.GetValue<string>() != range))
        {
            return Json(400, Error(400, "Requested writing within range, but tried writing one row of a different range.", "INVALID_ARGUMENT"));
        }

        lock (rows)
        {
            var target = append ? rows.Count + 1 : row;
            Write(rows, target, column, cells);
            var updated = $"{sheet}!{Column(column)}{target}:{Column(column + cells.Count - 1)}{target}";
            var update = new JsonObject
            {
                ["spreadsheetId"] = SpreadsheetId, ["updatedRange"] = updated, ["updatedRows"] = 1,
                ["updatedColumns"] = cells.Count, ["updatedCells"] = cells.Count(c => c is not null),
            };
            return Json(200, (append
                ? new JsonObject { ["spreadsheetId"] = SpreadsheetId, ["tableRange"] = $"{sheet}!A1:{Column(column + cells.Count - 1)}{target - 1}", ["updates"] = update }
                : update).ToJsonString());
        }
    }

    private static JsonObject Read(string sheet, List<List<string>> rows, int column)
    {
        var values = new JsonArray();
        lock (rows)
        {
            var last = rows.FindLastIndex(r => r.Count > column && r[column].Length > 0);
            for (var i = 0; i <= last; i++)
            {
                values.Add(rows[i].Count > column && rows[i][column].Length > 0 ? new JsonArray(rows[i][column]) : new JsonArray());
            }
        }

        var answer = new JsonObject { ["range"] = $"{sheet}!{Column(column)}1:{Column(column)}1000", ["majorDimension"] = "ROWS" };
        if (values.Count > 0)
        {
            answer["values"] = values;
        }

        return answer;
    }

    private static void Write(List<List<string>> rows, int rowNumber, int column, JsonArray cells)
    {
        while (rows.Count < rowNumber)
        {
            rows.Add([]);
        }

        var row = rows[rowNumber - 1];
        for (var i = 0; i < cells.Count; i++)
        {
            while (row.Count <= column + i)
            {
                row.Add("");
            }

            if (cells[i] is JsonValue cell)
            {
                var text = cell.ToString();
                row[column + i] = text.StartsWith('\'') ? text[1..] : text;
            }
        }
    }

    /// <summary>"Tickets!A:K", "'Ticket rows'!B:B", "Tickets!A5:K5": the sheet, the first column (0-based) and row (0: none).</summary>
    private static bool TryParse(string range, out string sheet, out int column, out int row)
    {
        var bang = range.LastIndexOf('!');
        sheet = bang < 0 ? "" : range[..bang];
        if (sheet.StartsWith('\'') && sheet.EndsWith('\''))
        {
            sheet = sheet[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        var first = range[(bang + 1)..].Split(':')[0];
        var letters = new string(first.TakeWhile(char.IsAsciiLetterUpper).ToArray());
        column = letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
        row = int.TryParse(first[letters.Length..], out var r) ? r : 0;
        return bang > 0 && column >= 0;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static IResult OAuthError(string error, string description) =>
        Json(400, new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString());

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", statusCode: status);
}
