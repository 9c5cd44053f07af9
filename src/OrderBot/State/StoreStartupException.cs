namespace OrderBot.State;

/// <summary>
/// The state store could not be opened or migrated at start-up. <see cref="Exception.Message"/> is one sentence for
/// the person starting OrderBot: what is wrong, where, and how to fix it. The engine's exception is the inner one.
/// </summary>
public sealed class StoreStartupException : Exception
{
    public StoreStartupException()
    {
    }

    public StoreStartupException(string message)
        : base(message)
    {
    }

    public StoreStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
