using System.Security.Cryptography;
using System.Text;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>
/// Ingram's webhook signature: <c>x-hub-signature</c> = Base64(HMAC-SHA512(key = the shared secret, message = the
/// eventId)). Only the event id is signed, not the body — so the body is a hint to act on, never a fact to alert on.
/// Pure.
/// </summary>
internal static class IngramSignature
{
    public const string Header = "x-hub-signature";

    public static string Sign(string secret, string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(eventId);
        return Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(eventId)));
    }

    /// <summary>True when <paramref name="signature"/> is the event id signed with one of <paramref name="secrets"/> (compared in constant time).</summary>
    public static bool IsValid(string? signature, string eventId, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrEmpty(eventId))
        {
            return false;
        }

        var given = new byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length) || length != 64)
        {
            return false;
        }

        var valid = false;
        foreach (var secret in secrets)
        {
            var expected = HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(eventId));
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }
}
