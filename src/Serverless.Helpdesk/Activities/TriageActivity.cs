using System.Text.Json.Nodes;
using Serverless.Helpdesk.Triage;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 5: the rules decide (<see cref="TicketTriage"/>): action, date case, template variables, CRM
/// fields, route. A rules file that is wrong fails as Validation naming it (the host checks them at start, so this
/// only happens when a file changed under a running host).</summary>
internal sealed class TriageActivity(TicketTriage triage) : IActivity
{
    public string Name => HelpdeskNames.Triage;

    public Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var facts = new TicketFacts(
            ActivityValues.Object(context, "read"),
            ActivityValues.Object(context, "deal"),
            ActivityValues.OptionalObject(context, "exam"),
            ActivityValues.Object(context, "intents"));
        try
        {
            return Task.FromResult<JsonNode?>(triage.Decide(facts).ToJson());
        }
        catch (Rules.RulesException e)
        {
            throw new ActivityException(Engine.Definitions.ErrorKinds.Validation, e.Message, inner: e);
        }
    }
}
