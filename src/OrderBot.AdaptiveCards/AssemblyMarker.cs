namespace OrderBot.AdaptiveCards;
internal static class AssemblyMarker
{
}
