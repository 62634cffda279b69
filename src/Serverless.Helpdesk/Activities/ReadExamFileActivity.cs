using System.Text.Json.Nodes;
using Serverless.Helpdesk.ExamPortal;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 3: the candidate's file on the exam portal (sandbox adapter by default, see <see cref="IExamPortal"/>).</summary>
internal sealed class ReadExamFileActivity(IExamPortal portal) : IActivity
{
    public string Name => HelpdeskNames.ReadExamFile;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var email = ActivityInput.Optional(context, "email");
        var file = string.IsNullOrWhiteSpace(email) ? null : await portal.GetFileAsync(email, context, cancellationToken);
        return (file ?? ExamPortalFile.NotFound).ToJson();
    }
}
