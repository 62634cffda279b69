using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>
/// The one check every route that accepts a body runs before using it: text must be valid Unicode. Bytes that are
/// not UTF-8, or a JSON escape naming half a surrogate pair ("\ud800"), cannot become a .NET string or be stored
/// again as JSON; left in, they surface later as a 500 or a workflow failing as Transient. Both runtimes (embedded
/// host and Functions) call the same handlers, so they refuse the same bodies with the same 400.
/// </summary>
public static class RequestText
{
    public const string ProblemType = "https://serverless.local/problems/invalid-text";

    /// <summary>The first string (value or property name) that is not valid Unicode, named by its JSON path
    /// ("$.items[0].name"), or null when every string is valid.</summary>
    public static InvalidText? FindInJson(JsonElement element) => Walk(element, "$");

    /// <summary>The named field when <paramref name="bytes"/> are not UTF-8, else null.</summary>
    public static InvalidText? FindInUtf8(string field, ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? null : new InvalidText(field, Message(field));

    /// <summary>The first field of an application/x-www-form-urlencoded body whose name or value, once
    /// percent-decoded, is not UTF-8 (the framework's form reader would silently turn it into U+FFFD).</summary>
    public static InvalidText? FindInForm(ReadOnlySpan<byte> body)
    {
        // Latin-1 maps each byte to one char, so raw (unencoded) bytes reach Decode unchanged too.
        foreach (var pair in Encoding.Latin1.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(cut < 0 ? pair : pair[..cut]);
            var value = cut < 0 ? [] : Decode(pair[(cut + 1)..]);
            if (!Utf8.IsValid(name))
            {
                return new InvalidText("form", "A form field name is not valid UTF-8 text.");
            }

            if (!Utf8.IsValid(value))
            {
                var field = Encoding.UTF8.GetString(name);
                return new InvalidText(field, Message(field));
            }
        }

        return null;
    }

    /// <summary>400 application/problem+json naming the field in <c>errors</c>.</summary>
    public static IResult Problem(InvalidText invalid, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] },
            detail: invalid.Message,
            instance: instance,
            title: "The request contains text that is not valid Unicode.",
            type: ProblemType);
    }

    private static InvalidText? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(element) ? null : new InvalidText(path, Message(path));
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return new InvalidText(path, $"A property name in '{path}' is not valid Unicode text.");
                    }

                    if (Walk(property.Value, Child(path, name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsValid(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static byte[] Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(c == '+' ? (byte)' ' : (byte)c);
            }
        }

        return [.. bytes];
    }

    private static string Message(string field) =>
        $"'{field}' is not valid Unicode text: it holds bytes that are not UTF-8 or an unpaired UTF-16 surrogate (\\ud800-\\udfff).";
}

/// <summary>Which field holds text that is not valid Unicode, and how to say so.</summary>
public sealed record InvalidText(string Field, string Message);
