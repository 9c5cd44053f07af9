namespace OrderBot.Protocol;
internal static class AssemblyMarker
{
}
