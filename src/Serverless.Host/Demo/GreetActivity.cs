using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Demo;

/// <summary>demo.greet: input {"name": "Ada", "greeting"?: "Hello"} -> {"message": "Hello, Ada!"}.</summary>
public sealed class GreetActivity : IActivity
{
    public string Name => DemoActivityNames.Greet;

    public Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = DemoInput.OptionalString(context.Input, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ActivityException(ErrorKinds.Validation, "input.name is required (start the workflow with {\"name\": \"...\"}).");
        }

        var greeting = DemoInput.OptionalString(context.Input, "greeting") is { Length: > 0 } g ? g : "Hello";
        JsonNode output = new JsonObject { ["message"] = $"{greeting}, {name.Trim()}!", ["name"] = name.Trim() };
        return Task.FromResult<JsonNode?>(output);
    }
}
