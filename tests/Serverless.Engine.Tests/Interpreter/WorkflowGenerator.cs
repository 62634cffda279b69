using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Tests.Interpreter;

/// <summary>Builds random but valid definitions from a seed, mixing every step type with nesting.</summary>
internal static class WorkflowGenerator
{
    public static WorkflowDefinition Generate(int seed)
    {
        var random = new Random(seed);
        var counter = 0;
        var root = new JsonObject
        {
            ["id"] = $"generated-{seed}",
            ["version"] = 1,
            ["steps"] = Block(random, ref counter, depth: 0, length: random.Next(3, 7)),
        };
        return JsonSerializer.Deserialize<WorkflowDefinition>(root, EngineJson.Options)!;
    }

    private static JsonArray Block(Random random, ref int counter, int depth, int length)
    {
        var steps = new JsonArray();
        for (var i = 0; i < length; i++)
        {
            steps.Add(Step(random, ref counter, depth));
        }

        return steps;
    }

    private static JsonObject Step(Random random, ref int counter, int depth)
    {
        var id = $"s{counter++}";
        var previous = counter > 1 ? $"s{counter - 2}" : null;
        var kind = random.Next(depth >= 2 ? 6 : 10);
        return kind switch
        {
            0 or 1 => new JsonObject
            {
                ["id"] = id, ["type"] = "activity", ["activity"] = "work." + random.Next(3),
                ["input"] = new JsonObject { ["prev"] = previous is null ? "{{input.kind}}" : $"{{{{steps.{previous}.output.value}}}}", ["text"] = "n={{input.n | length}}" },
                ["retry"] = random.Next(2) == 0 ? new JsonObject { ["maxAttempts"] = 3, ["firstInterval"] = "5s", ["jitter"] = 0.3 } : null,
                ["onError"] = OnErrorPolicies.All[random.Next(3)],
                ["fallback"] = "fb",
            },
            2 => new JsonObject { ["id"] = id, ["type"] = "set", ["variables"] = new JsonObject { ["v" + id] = "{{input.flag}}" } },
            3 => new JsonObject { ["id"] = id, ["type"] = "wait", ["duration"] = $"{random.Next(1, 60)}m" },
            4 => new JsonObject { ["id"] = id, ["type"] = "emit", ["channel"] = "mkt:notifications", ["payload"] = new JsonObject { ["from"] = id } },
            5 => new JsonObject
            {
                ["id"] = id, ["type"] = "waitForEvent", ["event"] = "evt-" + id, ["timeout"] = "1h",
                ["onTimeout"] = new JsonArray(new JsonObject { ["id"] = id + "t", ["type"] = "set", ["variables"] = new JsonObject { ["late"] = true } }),
            },
            6 => new JsonObject
            {
                ["id"] = id, ["type"] = "if",
                ["condition"] = new JsonObject { ["path"] = "input.flag", ["op"] = "==", ["value"] = random.Next(2) == 0 },
                ["then"] = Block(random, ref counter, depth + 1, random.Next(1, 3)),
                ["else"] = Block(random, ref counter, depth + 1, random.Next(0, 2)),
            },
            7 => new JsonObject
            {
                ["id"] = id, ["type"] = "forEach", ["items"] = "{{input.n}}",
                ["mode"] = random.Next(2) == 0 ? "parallel" : "sequential", ["maxConcurrency"] = random.Next(1, 4),
                ["steps"] = Block(random, ref counter, depth + 1, random.Next(1, 3)),
            },
            8 => new JsonObject
            {
                ["id"] = id, ["type"] = "approval",
                ["approvers"] = new JsonArray(new JsonObject { ["name"] = "a" }, new JsonObject { ["name"] = "b" }),
                ["reminder"] = new JsonObject { ["interval"] = "2h", ["max"] = 2 },
                ["deadline"] = "5h",
                ["onTimeout"] = ApprovalTimeoutPolicies.All[random.Next(3)],
            },
            _ => new JsonObject
            {
                ["id"] = id, ["type"] = "switch", ["value"] = "{{input.kind}}",
                ["cases"] = new JsonArray(
                    new JsonObject { ["equals"] = "a", ["steps"] = Block(random, ref counter, depth + 1, 1) },
                    new JsonObject { ["equals"] = new JsonArray("b", "c"), ["steps"] = Block(random, ref counter, depth + 1, 1) }),
                ["default"] = Block(random, ref counter, depth + 1, 1),
            },
        };
    }
}
