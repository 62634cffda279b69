using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Files;

/// <summary>
/// SSRF protection for files given by URL. Two checks:
/// <list type="number">
/// <item>Up front (<see cref="Refusal"/>), at intake and on every redirect hop: http(s) only, the allow-list, and
/// hosts that are refused without resolving them (IP literals in a refused range, "localhost").</item>
/// <item>At connect time (<see cref="CreateHandler"/>'s ConnectCallback): the host name is resolved, EVERY address is
/// checked, and the socket connects to those checked addresses only. The address checked is the address connected
/// to, so DNS rebinding (a public answer at intake, 127.0.0.1 at download) cannot get through.</item>
/// </list>
/// Refused by default: loopback, link-local (169.254/16 with the cloud metadata endpoint 169.254.169.254, fe80::/10),
/// private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), shared 100.64/10, 192.0.0/24, unspecified (0/8, ::),
/// multicast, reserved 240/4 and broadcast, and the IPv6 forms embedding one of these (::ffff:a.b.c.d, 64:ff9b::/96,
/// 2002::/16). RequestHandler:FileUrls:AllowPrivateNetworks lifts the address check; an exact (not "*.") entry of
/// RequestHandler:FileUrls:AllowedHosts lifts it for that host.
/// </summary>
internal sealed class FileUrlPolicy(IOptionsMonitor<RequestHandlerOptions> options)
{
    private const string Settings = "RequestHandler:FileUrls:AllowedHosts / RequestHandler:FileUrls:AllowPrivateNetworks";

    /// <summary>Name resolution (replaceable in tests to simulate DNS answers).</summary>
    internal Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = Dns.GetHostAddressesAsync;

    private FileUrlOptions Current => options.CurrentValue.FileUrls;

    /// <summary>Why this URL is refused before any connection, or null when it may be fetched (the connection is
    /// checked again, on the resolved addresses).</summary>
    public string? Refusal(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "only absolute http(s) URLs are accepted.";
        }

        var host = Normalize(uri.IdnHost);
        if (NotAllowListed(host) is { } notListed)
        {
            return notListed;
        }

        if (AddressCheckWaived(host))
        {
            return null;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return Classify(address) is { } kind ? $"{address} is a {kind} address; files are only downloaded from public addresses ({Settings})." : null;
        }

        return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            ? $"{host} is a loopback host name; files are only downloaded from public addresses ({Settings})."
            : null;
    }

    /// <summary>The handler of the "request-files" HttpClient: connections go through <see cref="ConnectAsync"/>,
    /// no automatic redirects (StoreFilesActivity checks each hop) and no proxy (the address checked must be the one
    /// connected to).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>The refusal carried by a failed request, if a connection was refused by this policy.</summary>
    public static FileUrlRefusedException? FindRefusal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is FileUrlRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var host = Normalize(pattern);
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            host = host[2..];
        }

        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown;
    }

    /// <summary>What kind of non-public address this is ("loopback", "link-local (cloud metadata)", ...), or null for
    /// a public address.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out var length);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyV4(b[..length]);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "non-IP";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC)
        {
            return "private";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // ::a.b.c.d, the deprecated IPv4-compatible form.
            return "reserved (IPv4-compatible)";
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(b[12..16]) is { } nat64 ? $"{nat64} (through NAT64)" : null;
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]) is { } sixToFour ? $"{sixToFour} (through 6to4)" : null;
        }

        return null;
    }

    private static string? ClassifyV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 => "unspecified (0.0.0.0/8)",
        127 => "loopback",
        10 => "private",
        172 when (b[1] & 0xF0) == 16 => "private",
        192 when b[1] == 168 => "private",
        169 when b[1] == 254 => "link-local (cloud metadata)",
        100 when (b[1] & 0xC0) == 64 => "shared (100.64.0.0/10)",
        192 when b[1] == 0 && b[2] == 0 => "reserved (192.0.0.0/24)",
        >= 224 and <= 239 => "multicast",
        >= 240 => "reserved",
        _ => null,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = Normalize(context.DnsEndPoint.Host);
        if (NotAllowListed(host) is { } notListed)
        {
            throw new FileUrlRefusedException(notListed);
        }

        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Resolve(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} has no address.");
        }

        if (!AddressCheckWaived(host))
        {
            foreach (var address in addresses)
            {
                if (Classify(address) is { } kind)
                {
                    throw new FileUrlRefusedException(
                        $"{host} resolves to {address}, a {kind} address; files are only downloaded from public addresses ({Settings}).");
                }
            }
        }

        // Connect to the addresses just checked, never to a fresh resolution of the name.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private string? NotAllowListed(string host)
    {
        var allowed = Current.AllowedHosts;
        return allowed.Count == 0 || allowed.Any(p => Matches(Normalize(p), host))
            ? null
            : $"{host} is not in RequestHandler:FileUrls:AllowedHosts.";
    }

    private bool AddressCheckWaived(string host) =>
        Current.AllowPrivateNetworks || Current.AllowedHosts.Any(p => !p.TrimStart().StartsWith("*.", StringComparison.Ordinal) && Normalize(p) == host);

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
            : pattern == host;

    private static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}

/// <summary>A file URL refused by <see cref="FileUrlPolicy"/> (not retried: the same URL would be refused again).</summary>
internal sealed class FileUrlRefusedException(string message) : Exception(message);
