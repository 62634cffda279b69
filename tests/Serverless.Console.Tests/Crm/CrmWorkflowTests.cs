using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Serverless.Console.Tests.Support;

namespace Serverless.Console.Tests.Crm;

[Collection(ConsoleCollection.Name)]
public sealed class CrmWorkflowTests(ConsoleHost host)
{
    [Fact]
    public async Task AWorkflowCreatedFromATemplate_IsActivated_Triggered_AndItsExecutionOpened()
    {
        await using var console = await host.OpenAsync("/crm/templates");
        var page = console.Page;
        await console.ScreenshotAsync("crm-templates");

        await page.Locator("#create-alerte-manager-deal-50k").ClickAsync();
        await Assertions.Expect(page.Locator(".crm-stepper")).ToBeVisibleAsync();
        await page.Locator("#crm-step-basics input[name=name]").FillAsync("Big deal alert (console test)");
        await console.ScreenshotAsync("crm-editor");
        await page.Locator("#crm-save").ClickAsync();

        var runNow = page.Locator("#crm-run-now");
        await Assertions.Expect(runNow).ToBeVisibleAsync();
        var workflowId = page.Url.Split("#/crm/workflows/")[1].Split('?')[0];
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true })).ToBeVisibleAsync();
        (await WorkflowAsync(workflowId))["status"]!.GetValue<string>().Should().BeEquivalentTo("active");

        await runNow.ClickAsync();
        await page.Locator("select[name=trigger_entity_type]").SelectOptionAsync("organisation");
        await page.Locator("input[name=trigger_entity_id]").FillAsync("1");
        await page.Locator("#crm-run-start").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/executions/"));
        await Assertions.Expect(page.Locator(".crm-execution .status-line .badge.ok").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await console.ScreenshotAsync("crm-execution");
        var instanceLink = page.Locator("a[href^='#/instances/']").First;
        await Assertions.Expect(instanceLink).ToBeVisibleAsync();

        await instanceLink.ClickAsync();
        await Assertions.Expect(page.Locator(".status-line .badge").First).ToHaveTextAsync("Completed", new() { Timeout = 30_000 });
        var executions = await host.Api.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{workflowId}/executions");
        executions!.ToJsonString().Should().Contain("SUCCESS");
        console.Errors.Should().BeEmpty();
    }

    private async Task<JsonObject> WorkflowAsync(string id) =>
        (await host.Api.GetFromJsonAsync<JsonObject>($"/api/v1/workflows/{id}"))!;
}
