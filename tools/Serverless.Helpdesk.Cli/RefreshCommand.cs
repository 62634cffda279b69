using Spectre.Console;

namespace Serverless.Helpdesk.Cli;

/// <summary>refresh: the pending list rebuilt from Zoho Desk by the host.</summary>
internal static class RefreshCommand
{
    public static async Task<int> RunAsync(HostApi api, CancellationToken ct)
    {
        var result = await api.RefreshAsync(ct);
        AnsiConsole.MarkupLine($"Read [bold]{result["read"]}[/] open tickets of department {Markup.Escape(result["department_id"]?.ToString() ?? "")} in {result["pages"]} page(s); [bold]{result["pending"]}[/] pending (the others are processed).");
        return CliExit.Ok;
    }
}
