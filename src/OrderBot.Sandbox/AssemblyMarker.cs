namespace OrderBot.Sandbox;
internal static class AssemblyMarker
{
}
