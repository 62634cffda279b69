using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Functions.Tests.Source;

public class FunctionsSourceTests
{
    [Fact]
    public void EveryFile_Parses_WithoutDiagnostics()
    {
        FunctionsSource.Trees.Should().NotBeEmpty();
        var problems = FunctionsSource.Trees
            .SelectMany(t => t.Tree.GetDiagnostics().Select(d => $"{t.File}: {d}"))
            .ToList();

        problems.Should().BeEmpty();
    }

    [Fact]
    public void FunctionNames_AreUnique()
    {
        FunctionsSource.Functions.Should().NotBeEmpty();
        FunctionsSource.Functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty("the Functions host indexes functions by name, case-insensitively");
    }

    [Fact]
    public void EveryHttpTrigger_IsOneCallIntoASharedHandler()
    {
        var apiTypes = SharedHandlers.TypeNames;
        var http = FunctionsSource.Functions.Where(f => f.Trigger == "http").ToList();
        http.Should().NotBeEmpty();

        foreach (var function in http)
        {
            var body = function.Method.ExpressionBody?.Expression;
            body.Should().BeAssignableTo<InvocationExpressionSyntax>($"{function.Name} should be an expression-bodied one-liner");
            var run = ((InvocationExpressionSyntax)body!).Expression as MemberAccessExpressionSyntax;
            var handler = (run?.Name as GenericNameSyntax)?.TypeArgumentList.Arguments.Single().ToString();
            handler.Should().NotBeNull($"{function.Name} should call req.Run<THandler>(...)");
            apiTypes.Should().Contain(handler!, $"{function.Name} should call a handler of the shared libraries");
        }
    }

    [Fact]
    public void OneOrchestrator_AndTheActivitiesItCalls()
    {
        FunctionsSource.Functions.Count(f => f.Trigger == "OrchestrationTrigger").Should().Be(1);
        FunctionsSource.Functions.Where(f => f.Trigger == "ActivityTrigger").Select(f => f.Name)
            .Should().BeEquivalentTo(["RunActivity", "EnqueueMessage", "SaveInstanceStatePart", "SaveInstanceState", "LoadInstanceStatePart"]);
    }
}
