using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Moq;
using Serverless.Host.Web;

namespace Serverless.Host.Tests.Logging;

/// <summary>The Development console log: one readable line per event, the scope values the message does not say,
/// the exception below, colours only when asked.</summary>
public sealed class TextConsoleFormatterTests
{
    private const string Esc = "\u001b";

    private static string Write(
        LogLevel level,
        string message,
        IReadOnlyList<KeyValuePair<string, object?>>? state = null,
        Exception? exception = null,
        bool colors = false,
        string category = "Serverless.Runtime.Activities.ActivityWorkerPool",
        params Dictionary<string, object>[] scopes)
    {
        var options = new TextConsoleFormatterOptions { ColorBehavior = colors ? LoggerColorBehavior.Enabled : LoggerColorBehavior.Disabled };
        using var formatter = new TextConsoleFormatter(Mock.Of<IOptionsMonitor<TextConsoleFormatterOptions>>(m => m.CurrentValue == options));
        var provider = new LoggerExternalScopeProvider();
        var pushed = scopes.Select(s => provider.Push(s)).ToList();
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(level, category, new EventId(1), state ?? [], exception, (_, _) => message), provider, writer);
        pushed.ForEach(p => p.Dispose());
        return writer.ToString();
    }

    private static Dictionary<string, object> StepScope() => new()
    {
        ["InstanceId"] = "01a2c3",
        ["WorkflowId"] = "hello",
        ["StepId"] = "greet",
        ["Activity"] = "demo.greet",
    };

    [Fact]
    public void Line_IsTimeLevelShortCategoryMessage_ThenTheScopeValuesTheMessageDoesNotSay()
    {
        var text = Write(LogLevel.Information, "Activity demo.greet succeeded in 12.5 ms",
            [new("Activity", "demo.greet"), new("DurationMs", 12.5), new("{OriginalFormat}", "Activity {Activity} succeeded in {DurationMs} ms")],
            scopes: [new() { ["RequestId"] = "0HN1", ["RequestPath"] = "/api/workflows/hello/instances" }, StepScope()]);

        text.Should().MatchRegex(@"^\d\d:\d\d:\d\d\.\d{3} INF ActivityWorkerPool: Activity demo\.greet succeeded in 12\.5 ms  InstanceId=01a2c3  WorkflowId=hello  StepId=greet\r?\n$");
        text.Should().NotContain("RequestPath").And.NotContain("Activity=", "the message already says it");
    }

    [Fact]
    public void ScopeValues_AreCompact_QuotedOnlyWhenNeeded_AndNeverBreakTheLine()
    {
        var text = Write(LogLevel.Warning, "Retrying", scopes: [new() { ["DurationMs"] = 1234.5678, ["Reason"] = "rate limited\nagain", ["Attempts"] = 3 }]);

        text.Should().Contain("DurationMs=1234.57").And.Contain("Attempts=3").And.Contain("Reason=\"rate limited\\nagain\"");
        text.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Redirected_NoColourCodes_Terminal_Coloured()
    {
        Write(LogLevel.Error, "Store failed", colors: false, scopes: [StepScope()]).Should().NotContain(Esc);

        var coloured = Write(LogLevel.Error, "Store failed", colors: true, scopes: [StepScope()]);
        coloured.Should().Contain($"{Esc}[1;31mERR{Esc}[0m").And.Contain($"{Esc}[36mActivityWorkerPool{Esc}[0m");
    }

    [Theory]
    [InlineData(true, null, false)]
    [InlineData(false, "1", false)]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    public void Colours_OnlyOnATerminal_WithoutNoColor(bool redirected, string? noColor, bool expected)
    {
        TextConsoleFormatterOptions.ColorsWanted(redirected, noColor).Should().Be(expected);
    }

    [Fact]
    public void Exception_FollowsOnIndentedLines()
    {
        Exception error;
        try
        {
            throw new InvalidOperationException("The ledger is read-only.");
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        var lines = Write(LogLevel.Error, "Step record failed", exception: error).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        lines[0].Should().EndWith("ERR ActivityWorkerPool: Step record failed");
        lines[1].Should().Be("    System.InvalidOperationException: The ledger is read-only.");
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith("    ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("at Serverless.Host.Tests.Logging.TextConsoleFormatterTests", StringComparison.Ordinal));
    }

    [Fact]
    public void ControlCharactersInAMessage_AreShown_NotObeyed()
    {
        var text = Write(LogLevel.Information, $"Mail subject {Esc}[2JHello");

        text.Should().NotContain(Esc).And.Contain("\\u001b[2JHello");
    }

    [Theory]
    [InlineData("Serverless.Runtime.Dispatch.EventPump", "EventPump")]
    [InlineData("Microsoft.Hosting.Lifetime", "Lifetime")]
    [InlineData("Serverless.Host", "Host")]
    [InlineData("Serverless.Crm.Running.CrmRunner<Serverless.Crm.Data.Deal>", "CrmRunner")]
    [InlineData("Program", "Program")]
    public void Category_IsItsLastName(string category, string expected)
    {
        TextConsoleFormatter.ShortCategory(category).Should().Be(expected);
    }

    [Fact]
    public void EmptyMessage_WithoutException_WritesNothing()
    {
        Write(LogLevel.Information, "").Should().BeEmpty();
    }
}
