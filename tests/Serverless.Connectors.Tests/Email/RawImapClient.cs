using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Connectors.Tests.Email;

/// <summary>Just enough IMAP4rev1 (RFC 3501) to read a message back: LOGIN, SELECT, SEARCH, FETCH, over a raw TCP
/// connection (no .NET IMAP library restores on this project's machines).</summary>
public sealed class RawImapClient : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private StreamReader _reader = null!;
    private StreamWriter _writer = null!;
    private int _tag;

    public async Task ConnectAsync(string host, int port, string user, string password)
    {
        await _tcp.ConnectAsync(host, port);
        var stream = _tcp.GetStream();
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        (await _reader.ReadLineAsync()).Should().StartWith("* OK");
        await CommandAsync($"LOGIN \"{user}\" \"{password}\"");
    }

    /// <summary>Sequence numbers of INBOX messages whose Subject contains the text.</summary>
    public async Task<IReadOnlyList<int>> SearchSubjectAsync(string text)
    {
        await CommandAsync("SELECT INBOX");
        var lines = await CommandAsync($"SEARCH SUBJECT \"{text}\"");
        return lines.Where(l => l.StartsWith("* SEARCH", StringComparison.Ordinal))
            .SelectMany(l => l["* SEARCH".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The whole RFC 5322 message (headers and MIME body) as the server stored it.</summary>
    public async Task<string> FetchAsync(int sequence) =>
        string.Join("\n", await CommandAsync($"FETCH {sequence} BODY.PEEK[]"));

    private async Task<List<string>> CommandAsync(string command)
    {
        var tag = $"a{++_tag}";
        await _writer.WriteLineAsync($"{tag} {command}");
        var lines = new List<string>();
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                line.Should().StartWith($"{tag} OK", $"IMAP {command.Split(' ')[0]} should succeed");
                return lines;
            }

            lines.Add(line);
        }

        throw new IOException("IMAP server closed the connection.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_tcp.Connected)
        {
            await _writer.WriteLineAsync($"a{++_tag} LOGOUT");
        }

        _tcp.Dispose();
    }
}
