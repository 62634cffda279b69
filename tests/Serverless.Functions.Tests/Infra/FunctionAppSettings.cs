using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Tests.Infra;

/// <summary>One app setting of the Function App as the compiled template writes it. <see cref="Value"/> is the raw
/// template value: a literal, or an ARM expression "[...]" in the terms of the template that writes it (the main
/// template for the app's own settings, the api module for the host settings); a value passed through a module
/// parameter is followed back to where it is written. <see cref="Constant"/> is the value itself when it is known
/// before deployment.</summary>
public sealed record AppSetting(string Key, string Value, string? Constant, string Template);

/// <summary>The Function App's app settings read from the compiled ARM template: the Microsoft.Web/sites/config
/// 'appsettings' resource of the api module, whose properties are union(parameters('appSettings'), host settings),
/// with appSettings followed back to main.bicep (its variables and the module's parameter value).</summary>
public static class FunctionAppSettings
{
    /// <summary>The settings of the shared compilation of infra/main.bicep.</summary>
    public static IReadOnlyDictionary<string, AppSetting> Compiled => field ??= Read(BicepCompilation.Shared.Main);

    /// <summary>Reads the settings from a compiled main template.</summary>
    public static IReadOnlyDictionary<string, AppSetting> Read(ArmScope main)
    {
        var api = main.Module("api");
        var config = api.Resources.Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites/config"
            && ArmScope.Raw(r.GetProperty("name")).Contains("'appsettings'", StringComparison.Ordinal));
        var settings = new Dictionary<string, AppSetting>(StringComparer.Ordinal);
        foreach (var (key, value, scope) in Entries(config.GetProperty("properties"), api))
        {
            var (raw, constant, where) = Follow(value, scope);
            settings[key] = new AppSetting(key, raw, constant, where);
        }

        return settings;
    }

    /// <summary>The settings as configuration: "__" becomes ":", as the Functions host does; a value is its constant
    /// when known, otherwise its raw expression.</summary>
    public static IConfiguration ToConfiguration(IReadOnlyDictionary<string, AppSetting>? settings = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection((settings ?? Compiled).Values.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Constant ?? s.Value)))
            .Build();

    /// <summary>Key, value and the scope the value is written in, for an object-valued template value (a JSON object
    /// or an expression made of union, createObject, parameters and variables).</summary>
    private static IEnumerable<(string Key, JsonElement? Json, ArmExpression? Expression, ArmScope Scope)> EntriesOf(JsonElement value, ArmScope scope)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.EnumerateObject().Select(p => (p.Name, (JsonElement?)p.Value, (ArmExpression?)null, scope)).ToList();
        }

        if (value.ValueKind == JsonValueKind.String && ArmExpression.IsExpression(value.GetString()!))
        {
            return EntriesOf(ArmExpression.Parse(value.GetString()!), scope);
        }

        throw new NotSupportedException($"An object was expected in {scope.Name}, not {value.GetRawText()}.");
    }

    private static IEnumerable<(string Key, JsonElement? Json, ArmExpression? Expression, ArmScope Scope)> EntriesOf(ArmExpression node, ArmScope scope)
    {
        switch (node)
        {
            case ArmCall call when call.Is("union"):
                var merged = new Dictionary<string, (string, JsonElement?, ArmExpression?, ArmScope)>(StringComparer.Ordinal);
                foreach (var entry in call.Arguments.SelectMany(a => EntriesOf(a, scope)))
                {
                    merged[entry.Key] = entry; // union: the later object wins
                }

                return merged.Values;
            case ArmCall call when call.Is("createObject"):
                return call.Arguments.Chunk(2).Select(pair => pair[0] is ArmString key
                    ? (key.Value, (JsonElement?)null, (ArmExpression?)pair[1], scope)
                    : throw new NotSupportedException($"createObject with a computed key in {scope.Name}: {pair[0].Text}")).ToList();
            case ArmCall call when call.ReferenceName("parameters") is { } parameter:
                if (scope.ParameterValues.TryGetValue(parameter, out var passed))
                {
                    return EntriesOf(passed, scope.Parent!);
                }

                return scope.Parameters.GetProperty(parameter).TryGetProperty("defaultValue", out var defaultValue)
                    ? EntriesOf(defaultValue, scope)
                    : throw new NotSupportedException($"Parameter {parameter} of {scope.Name} has no value.");
            case ArmCall call when call.ReferenceName("variables") is { } variable:
                return EntriesOf(scope.Variable(variable), scope);
            // reduce(items(X), createObject(), ...) adds one entry per entry of X: none while X is empty.
            case ArmCall { Arguments: [ArmCall { Arguments: [var source] } items, ..] } call when call.Is("reduce") && items.Is("items"):
                return EntriesOf(source, scope).Any()
                    ? throw new NotSupportedException($"reduce over a non-empty object in {scope.Name}: {call.Text}")
                    : [];
            default:
                throw new NotSupportedException($"Cannot list the entries of {node.Text} in {scope.Name}.");
        }
    }

    private static IEnumerable<(string Key, object Value, ArmScope Scope)> Entries(JsonElement value, ArmScope scope) =>
        EntriesOf(value, scope).Select(e => (e.Key, e.Expression is { } x ? (object)x : e.Json!.Value, e.Scope));

    /// <summary>Raw value, constant and template of a setting value, following parameters('x') back to the parent.</summary>
    private static (string Raw, string? Constant, string Template) Follow(object value, ArmScope scope)
    {
        while (true)
        {
            var node = value switch
            {
                ArmExpression x => x,
                JsonElement { ValueKind: JsonValueKind.String } s when ArmExpression.IsExpression(s.GetString()!) => ArmExpression.Parse(s.GetString()!),
                JsonElement s => null,
                _ => throw new NotSupportedException(value.GetType().Name),
            };
            if (node is null)
            {
                var literal = ArmScope.Raw((JsonElement)value);
                return (literal, literal.StartsWith("[[", StringComparison.Ordinal) ? literal[1..] : literal, scope.Name);
            }

            if (node is ArmCall call && call.ReferenceName("parameters") is { } parameter && scope.ParameterValues.TryGetValue(parameter, out var passed))
            {
                value = passed;
                scope = scope.Parent!;
                continue;
            }

            return (node is ArmString s2 ? s2.Value : "[" + node.Text + "]", scope.Constant(node), scope.Name);
        }
    }
}
