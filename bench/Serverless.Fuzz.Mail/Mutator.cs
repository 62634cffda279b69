using System.Text;

namespace Serverless.Fuzz.Mail;

/// <summary>Byte-level mutations of a message, biased towards what breaks MIME: boundaries, headers, encodings, nesting.</summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> corpus)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\r\n", "\r\n\r\n", "\n", "\r", "--", ":", ";", "\"", "=", "<", ">", "\0", "\t", " ",
            "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n",
            "Content-Type: message/rfc822\r\n\r\n",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n",
            "Content-Type: text/html; charset=utf-16\r\n\r\n<script>",
            "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n",
            "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a.exe\r\n",
            "Content-Disposition: attachment; filename*0*=utf-8''%E2%80%AE; filename*1=.exe\r\n",
            "charset=\"x-unknown\"", "charset=utf-7", "boundary=\"\"",
            "=?utf-8?B?", "=?iso-8859-1?Q?=E9", "?=", "&#x", "&#1114112;", "&amp", "<!--", "]]>", "<a href=\"",
            "Message-ID: <", "In-Reply-To: ", "References: <a@b> <", "Auto-Submitted: ", "\u00e9", "\ud83d\ude00",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public byte[] Mutate(byte[] original)
    {
        var data = new List<byte>(original);
        var count = 1 + random.Next(8);
        for (var i = 0; i < count; i++)
        {
            Apply(data);
        }

        return [.. data];
    }

    private void Apply(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0:
                if (data.Count > 0)
                {
                    data[at] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1:
                data.Insert(at, (byte)random.Next(256));
                break;
            case 2:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 3:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 4:
                {
                    // Repeats a slice many times: long lines, many parts, deep nesting when the slice opens a part.
                    var length = Math.Min(data.Count - at, 1 + random.Next(200));
                    var slice = data.GetRange(at, length);
                    var times = 1 + random.Next(random.Next(2) == 0 ? 4 : 200);
                    for (var k = 0; k < times; k++)
                    {
                        data.InsertRange(at, slice);
                    }

                    break;
                }

            case 5:
                data.RemoveRange(at, data.Count - at);
                break;
            case 6:
                {
                    var other = corpus[random.Next(corpus.Count)];
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(2000))).ToArray());
                    break;
                }

            case 7:
                if (data.Count > 0)
                {
                    data[at] = "\r\n-:;=<>\"\\ \0"u8[random.Next(12)];
                }

                break;
            default:
                {
                    // Nesting: the multipart header followed by its own boundary line, many times over.
                    var nest = Encoding.ASCII.GetBytes("Content-Type: multipart/mixed; boundary=n\r\n\r\n--n\r\n");
                    var times = 1 + random.Next(500);
                    for (var k = 0; k < times; k++)
                    {
                        data.InsertRange(at, nest);
                    }

                    break;
                }
        }
    }
}
