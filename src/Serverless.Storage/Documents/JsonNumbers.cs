using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Storage.Documents;

/// <summary>
/// Reads a JSON number whatever backs the <see cref="JsonValue"/> (a parsed element or a CLR primitive), going
/// through its JSON text because JsonValue.TryGetValue does not convert between CLR numeric types.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryInt64(JsonValue value, out long result) =>
        long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    public static double ToDouble(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
