using System.Text.Json;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Tests;

internal static class TestData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize(Read(name), ProtocolJsonContext.Default.Activity)!;
}
