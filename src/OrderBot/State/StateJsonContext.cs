using System.Text.Json.Serialization;

namespace OrderBot.State;

/// <summary>The few values the store serializes itself (hold code lists).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
