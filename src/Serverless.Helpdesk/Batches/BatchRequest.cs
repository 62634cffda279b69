namespace Serverless.Helpdesk.Batches;

/// <summary>What the CLI, POST /api/v1/helpdesk/batches or the schedule asks for: the seed's --count (10),
/// --dry-run, --delay (2.0 s) and --ticket, plus an optional "today" (yyyy-MM-dd) for running the date rules as of
/// another day.</summary>
public sealed record BatchRequest(int Count = 10, bool DryRun = false, double DelaySeconds = 2.0, string? TicketId = null, string? Today = null);

/// <summary>The answer to a start: the batch's id and whether an unfinished batch was resumed instead of starting one.</summary>
public sealed record BatchStart(string BatchId, bool Resumed, bool DryRun);
