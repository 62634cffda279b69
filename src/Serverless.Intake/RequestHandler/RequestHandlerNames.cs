namespace Serverless.Intake.RequestHandler;

/// <summary>The workflow id and the activity names workflows/request-handler.json refers to.</summary>
public static class RequestHandlerNames
{
    public const string WorkflowId = "request-handler";

    public const string Classify = "request.classify";
    public const string StoreFiles = "request.storeFiles";
    public const string FindOrCreateContact = "hubspot.findOrCreateContact";
    public const string CreateTicket = "hubspot.createTicket";
    public const string CreateSubtask = "clickup.createSubtask";
    public const string NotifyAdmin = "request.notifyAdmin";

    public static readonly IReadOnlyList<string> Activities =
        [Classify, StoreFiles, FindOrCreateContact, CreateTicket, CreateSubtask, NotifyAdmin];
}
