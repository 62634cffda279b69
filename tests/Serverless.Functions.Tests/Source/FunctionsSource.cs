using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Functions.Tests.Source;

/// <summary>One function of functions/ as its syntax declares it: [Function] name, trigger kind, HTTP methods and
/// route (constants resolved through the shared handler libraries or the declaring class), timer schedule.</summary>
internal sealed record FunctionDeclaration(
    string Name,
    string File,
    string Trigger,
    IReadOnlyList<string> Methods,
    string? Route,
    MethodDeclarationSyntax Method);

internal static class FunctionsSource
{
    public static IReadOnlyList<(string File, SyntaxTree Tree)> Trees { get; } = Parse();

    public static IReadOnlyList<FunctionDeclaration> Functions { get; } = Trees.SelectMany(t => Declarations(t.File, t.Tree)).ToList();

    private static List<(string, SyntaxTree)> Parse() =>
        Directory.EnumerateFiles(RepositoryFiles.Path("functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (System.IO.Path.GetRelativePath(RepositoryFiles.Root, f),
                CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), path: f)))
            .ToList();

    private static IEnumerable<FunctionDeclaration> Declarations(string file, SyntaxTree tree)
    {
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (Attribute(method.AttributeLists, "Function") is not { } function)
            {
                continue;
            }

            var type = method.Ancestors().OfType<TypeDeclarationSyntax>().First();
            var name = Constant(function.ArgumentList!.Arguments[0].Expression, type);
            var parameters = method.ParameterList.Parameters;
            if (parameters.Select(p => Attribute(p.AttributeLists, "HttpTrigger")).FirstOrDefault(a => a is not null) is { } http)
            {
                var args = http.ArgumentList!.Arguments;
                var methods = args.Where(a => a.NameEquals is null && a.Expression is LiteralExpressionSyntax)
                    .Select(a => Constant(a.Expression, type).ToUpperInvariant()).ToList();
                var route = args.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Route") is { } r ? Constant(r.Expression, type) : null;
                yield return new FunctionDeclaration(name, file, "http", methods, route, method);
            }
            else if (parameters.Select(p => Attribute(p.AttributeLists, "TimerTrigger")).FirstOrDefault(a => a is not null) is { } timer)
            {
                yield return new FunctionDeclaration(name, file, "timer", [], Constant(timer.ArgumentList!.Arguments[0].Expression, type), method);
            }
            else
            {
                var trigger = parameters.SelectMany(p => p.AttributeLists.SelectMany(l => l.Attributes)).Select(a => a.Name.ToString())
                    .FirstOrDefault(n => n.EndsWith("Trigger", StringComparison.Ordinal)) ?? "none";
                yield return new FunctionDeclaration(name, file, trigger, [], null, method);
            }
        }
    }

    private static AttributeSyntax? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() == name || a.Name.ToString() == name + "Attribute");

    /// <summary>A string literal, nameof(X), a const of the declaring class, or a const of a shared handler library
    /// such as ApiRoutes.X (read from the real type).</summary>
    private static string Constant(ExpressionSyntax expression, TypeDeclarationSyntax type)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Token.ValueText;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } nameOf:
                return nameOf.ArgumentList.Arguments[0].Expression.ToString().Split('.')[^1];
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } member
                when SharedHandlers.Constant(owner.Identifier.Text, member.Name.Identifier.Text) is { } shared:
                return shared;
            case IdentifierNameSyntax identifier:
                var field = type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables)
                    .Single(v => v.Identifier.Text == identifier.Identifier.Text);
                return Constant(field.Initializer!.Value, type);
            default:
                throw new NotSupportedException($"Cannot evaluate '{expression}' in {type.Identifier.Text}: use a literal, nameof, a const or a shared library's route constant.");
        }
    }
}
