using System.Text;

namespace Serverless.Classification.Data;

/// <summary>
/// RFC 4180 records: comma-separated fields, double-quoted fields may hold commas, line breaks and doubled quotes.
/// Accepts LF as well as CRLF line ends.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string sourceName)
{
    private int _line = 1;

    /// <summary>The next record and the line it starts on, or null at the end of the input.</summary>
    public (List<string> Fields, int Line)? Next()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        while (true)
        {
            var read = reader.Read();
            if (quoted)
            {
                switch (read)
                {
                    case < 0:
                        throw new DatasetFormatException(sourceName, start, "unterminated quoted field");
                    case '"' when reader.Peek() == '"':
                        reader.Read();
                        field.Append('"');
                        break;
                    case '"':
                        quoted = false;
                        break;
                    default:
                        _line += read == '\n' ? 1 : 0;
                        field.Append((char)read);
                        break;
                }

                continue;
            }

            switch (read)
            {
                case '"' when !fieldStarted && field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new DatasetFormatException(sourceName, _line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r' or < 0:
                    _line++;
                    fields.Add(field.ToString());
                    return (fields, start);
                default:
                    if (fieldStarted)
                    {
                        throw new DatasetFormatException(sourceName, _line, "text after the closing quote of a field");
                    }

                    field.Append((char)read);
                    break;
            }
        }
    }
}
