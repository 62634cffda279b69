using System.Text.Json;

namespace Serverless.Classification.Data;

public enum DatasetFormat
{
    Csv,
    JsonLines,
}

/// <summary>Reads labelled examples from CSV (header row) or JSON Lines; every problem names the source and line.</summary>
public static class LabeledDataReader
{
    /// <summary>The format implied by a file name: .csv, or .jsonl / .ndjson.</summary>
    public static DatasetFormat FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => DatasetFormat.Csv,
            ".jsonl" or ".ndjson" => DatasetFormat.JsonLines,
            _ => throw new DatasetFormatException($"{fileName}: unknown data format (expected .csv, .jsonl or .ndjson)"),
        };
    }

    public static List<LabeledExample> Read(
        TextReader reader, string sourceName, DatasetFormat format, string textField = "text", string labelField = "label")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var examples = format == DatasetFormat.Csv
            ? ReadCsv(reader, sourceName, textField, labelField)
            : ReadJsonLines(reader, sourceName, textField, labelField);
        if (examples.Count == 0)
        {
            throw new DatasetFormatException(sourceName, 1, "no examples found");
        }

        return examples;
    }

    private static List<LabeledExample> ReadJsonLines(TextReader reader, string source, string textField, string labelField)
    {
        var examples = new List<LabeledExample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(source, lineNumber, $"invalid JSON ({e.Message})");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetFormatException(source, lineNumber, "expected a JSON object");
                }

                var text = Field(document.RootElement, textField, source, lineNumber);
                var label = Field(document.RootElement, labelField, source, lineNumber);
                examples.Add(new LabeledExample(text, label, lineNumber));
            }
        }

        return examples;
    }

    private static string Field(JsonElement record, string name, string source, int line)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new DatasetFormatException(source, line, $"missing field '{name}'");
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new DatasetFormatException(source, line, $"field '{name}' must be a string, not {value.ValueKind}"),
        };
        return string.IsNullOrWhiteSpace(text)
            ? throw new DatasetFormatException(source, line, $"field '{name}' is empty")
            : text;
    }

    private static List<LabeledExample> ReadCsv(TextReader reader, string source, string textField, string labelField)
    {
        var csv = new CsvRecordReader(reader, source);
        if (csv.Next() is not { } header)
        {
            throw new DatasetFormatException(source, 1, "empty file: expected a header row");
        }

        var names = header.Fields.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        var textColumn = Column(names, textField, source);
        var labelColumn = Column(names, labelField, source);
        var examples = new List<LabeledExample>();
        while (csv.Next() is { } record)
        {
            if (record.Fields is [""])
            {
                continue;
            }

            if (record.Fields.Count != names.Count)
            {
                throw new DatasetFormatException(
                    source, record.Line, $"expected {names.Count} fields as in the header, found {record.Fields.Count}");
            }

            var text = record.Fields[textColumn];
            var label = record.Fields[labelColumn].Trim();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new DatasetFormatException(source, record.Line, $"field '{textField}' is empty");
            }

            if (label.Length == 0)
            {
                throw new DatasetFormatException(source, record.Line, $"field '{labelField}' is empty");
            }

            examples.Add(new LabeledExample(text, label, record.Line));
        }

        return examples;
    }

    private static int Column(List<string> header, string name, string source)
    {
        var index = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new DatasetFormatException(source, 1, $"missing field '{name}' in the header ({string.Join(", ", header)})");
    }
}
