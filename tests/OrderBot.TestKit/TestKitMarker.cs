namespace OrderBot.TestKit;
public static class TestKitMarker
{
}
