using System.Data.Common;

namespace OrderBot.State;

/// <summary>
/// The state store could not write (locked by another process, disk full, read-only file…). The engine's own
/// exception is the inner exception. It is a <see cref="DbException"/>, so existing <c>catch (DbException)</c>
/// blocks keep working; turns that must write catch it to tell the user to try again rather than apologize.
/// </summary>
public sealed class StoreWriteException : DbException
{
    public StoreWriteException()
    {
    }

    public StoreWriteException(string message)
        : base(message)
    {
    }

    public StoreWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
