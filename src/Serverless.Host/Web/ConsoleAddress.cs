using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Serverless.Host.Web;

/// <summary>Once the host listens, says where the operations console and the API are, from the addresses Kestrel
/// really bound (a port 0 shows its chosen port; 0.0.0.0, [::], + and * show as localhost, which a browser can open).</summary>
public static partial class ConsoleAddress
{
    public static WebApplication LogConsoleAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Host");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.Select(Browsable).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                ConsoleAt(logger, address + "/", address + "/api");
            }
        });
        return app;
    }

    /// <summary>"http://0.0.0.0:8080" -> "http://localhost:8080"; no trailing slash.</summary>
    public static string Browsable(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AnyHost().Replace(address.TrimEnd('/'), "${scheme}://localhost${port}");
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Console: {ConsoleUrl}  (API: {ApiUrl})")]
    private static partial void ConsoleAt(ILogger logger, string consoleUrl, string apiUrl);

    [GeneratedRegex(@"^(?<scheme>https?)://(0\.0\.0\.0|\[::\]|\+|\*)(?<port>:\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AnyHost();
}
