using System.Text.Json.Serialization;

namespace OrderBot.Hosting;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
