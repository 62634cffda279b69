using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>The fields of a service account key file that the JWT bearer flow needs. The private key is checked to
/// import (RSA, PEM) but never kept in a message.</summary>
internal sealed record GoogleServiceAccount(string ClientEmail, string PrivateKeyPem, string? PrivateKeyId, string TokenUri)
{
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";

    /// <summary>Reads the key from the options: the JSON text, else the file. Problems name the setting and the
    /// field, never a value.</summary>
    public static GoogleServiceAccount? Read(GoogleSheetsOptions options, List<string> problems)
    {
        const string s = GoogleSheetsOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.ServiceAccountJson))
        {
            return Parse(options.ServiceAccountJson, $"{s}:ServiceAccountJson", problems);
        }

        if (string.IsNullOrWhiteSpace(options.ServiceAccountFile))
        {
            problems.Add($"{s}:ServiceAccountJson or {s}:ServiceAccountFile is needed for a real call.");
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(options.ServiceAccountFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{s}:ServiceAccountFile = '{options.ServiceAccountFile}' cannot be read ({e.GetType().Name}).");
            return null;
        }

        return Parse(text, $"{s}:ServiceAccountFile", problems);
    }

    private static GoogleServiceAccount? Parse(string json, string setting, List<string> problems)
    {
        JsonObject? key;
        try
        {
            key = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            key = null;
        }

        if (key is null)
        {
            problems.Add($"{setting} is not a service account key (a JSON object) as Google Cloud downloads it.");
            return null;
        }

        var before = problems.Count;
        if (Text(key, "type") is { } type && type != "service_account")
        {
            problems.Add($"{setting}: type is '{type}', expected 'service_account'.");
        }

        var email = Text(key, "client_email");
        if (email is null)
        {
            problems.Add($"{setting} has no client_email: the JWT's issuer.");
        }

        var pem = Text(key, "private_key");
        if (pem is null)
        {
            problems.Add($"{setting} has no private_key: the key that signs the JWT.");
        }
        else if (!Imports(pem))
        {
            problems.Add($"{setting}: private_key is not a PEM RSA private key.");
        }

        var tokenUri = Text(key, "token_uri") ?? DefaultTokenUri;
        if (!Uri.TryCreate(tokenUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{setting}: token_uri is not an absolute http(s) URL.");
        }

        return problems.Count == before ? new GoogleServiceAccount(email!, pem!, Text(key, "private_key_id"), tokenUri) : null;
    }

    private static bool Imports(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static string? Text(JsonObject key, string name) =>
        key[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
