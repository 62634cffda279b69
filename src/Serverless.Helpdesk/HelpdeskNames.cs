namespace Serverless.Helpdesk;

/// <summary>The names the helpdesk batch (seed 001) is found by: workflows, activities, collections, outcomes.</summary>
public static class HelpdeskNames
{
    public const string TicketWorkflow = "helpdesk-ticket";
    public const string BatchWorkflow = "helpdesk-batch";
    public const string ScheduledBatchWorkflow = "helpdesk-batch-scheduled";

    /// <summary>Instance ids of batches: "helpdesk.batch:{yyyyMMdd_HHmmss}" (the seed's batch_results timestamp).</summary>
    public const string BatchInstancePrefix = "helpdesk.batch:";

    public const string ReadTicket = "helpdesk.readTicket";
    public const string FindDeal = "helpdesk.findDeal";
    public const string ReadExamFile = "helpdesk.readExamFile";
    public const string DetectIntents = "helpdesk.detectIntents";
    public const string Triage = "helpdesk.triage";
    public const string RenderReply = "helpdesk.renderReply";
    public const string CreateDraft = "helpdesk.createDraft";
    public const string UpdateCrm = "helpdesk.updateCrm";
    public const string AddNote = "helpdesk.addNote";
    public const string RouteTicket = "helpdesk.routeTicket";
    public const string RecordResult = "helpdesk.recordResult";
    public const string TakeBatch = "helpdesk.takeBatch";
    public const string RecordFailure = "helpdesk.recordFailure";
    public const string FinishBatch = "helpdesk.finishBatch";

    /// <summary>One document per pending ticket (partition "pending").</summary>
    public const string PendingCollection = "helpdesk-pending";

    /// <summary>One document per processed ticket, its latest outcome (partition "processed").</summary>
    public const string ProcessedCollection = "helpdesk-processed";

    /// <summary>Batches (partition "batches") and each batch's v3 results (partition = the batch id).</summary>
    public const string BatchCollection = "helpdesk-batches";

    public static readonly IReadOnlyList<string> Collections = [PendingCollection, ProcessedCollection, BatchCollection];
}

/// <summary>The seed's triage actions and the stop stage; a result's triage_action is one of <see cref="All"/>.</summary>
public static class TriageActions
{
    public const string Go = "GO";
    public const string Route = "ROUTE";
    public const string NeedsClarification = "NEEDS_CLARIFICATION";
    public const string DuplicateUber = "DUPLICATE_UBER";
    public const string StoppedExamDatePassed = "STOPPED_EXAM_DATE_PASSED";

    /// <summary>The summary table's rows, in the seed's order; failures are counted apart.</summary>
    public static readonly IReadOnlyList<string> All = [Go, Route, NeedsClarification, DuplicateUber, StoppedExamDatePassed];
}
