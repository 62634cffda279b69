using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;

namespace Serverless.Crm.Tests.Workflows;

internal static class Specs
{
    public static CrmWorkflowSpec Valid(string json)
    {
        var read = CrmWorkflowValidator.Validate(json);
        read.Problems.Should().BeEmpty();
        return read.Spec!;
    }

    public static WorkflowDefinition Compiled(string json, string id = "crm.workflow.1")
    {
        var compiled = CrmWorkflowCompiler.Compile(Valid(json), id);
        compiled.Problems.Should().BeEmpty(compiled.Json);
        return compiled.Definition!;
    }

    public static IReadOnlyList<string> Problems(string json) =>
        CrmWorkflowValidator.Validate(json).Problems.Select(p => p.ToString()).ToList();
}
