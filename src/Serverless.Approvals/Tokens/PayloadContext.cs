using System.Text.Json.Serialization;

namespace Serverless.Approvals.Tokens;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DecisionTokenCodec.Payload))]
internal sealed partial class PayloadContext : JsonSerializerContext;
