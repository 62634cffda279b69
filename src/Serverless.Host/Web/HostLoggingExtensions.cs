namespace Serverless.Host.Web;

public static class HostLoggingExtensions
{
    /// <summary>One JSON object per line, scopes included, so the instance, workflow and step ids the runtime puts
    /// in scope appear on every line about a step.</summary>
    public static ILoggingBuilder AddEmbeddedHostLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // Its request lines and RequestPath scope hold the raw path (approval tokens); RequestLogging replaces them.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        return logging;
    }
}
