using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 7 (GO): writes the decided fields on the deal (PUT, so a retry writes the same values again).
/// Lookup fields (the exam date, the session) are sent as {"id": ...}, as Zoho CRM takes them.</summary>
internal sealed class UpdateCrmActivity(IConnectorProvider<IZohoCrmClient> crm, IOptions<HelpdeskOptions> options) : IActivity
{
    public string Name => HelpdeskNames.UpdateCrm;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var dealId = ActivityInput.Required(context, "dealId");
        var updates = ActivityValues.Object(context, "fields");
        var f = options.Value.Crm;
        var fields = new JsonObject();
        foreach (var (name, value) in updates)
        {
            fields[name] = name == f.ExamDate || name == f.Session ? new JsonObject { ["id"] = value?.DeepClone() } : value?.DeepClone();
        }

        await crm.For(context).UpdateAsync(f.DealsModule, dealId, fields, cancellationToken);
        return new JsonObject { ["module"] = f.DealsModule, ["dealId"] = dealId, ["fields"] = fields };
    }
}
