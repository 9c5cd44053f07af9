using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderBot.Features.Exports;

/// <summary>
/// Signed download links: <c>/api/exports/{id}?exp={unix seconds}&amp;sig={base64url HMAC-SHA256(key, id|exp)}</c>.
/// Pure: the key is given, never logged.
/// </summary>
public static class ExportLinks
{
    public static string Signature(byte[] key, string id, long expires)
    {
        ArgumentNullException.ThrowIfNull(key);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + "|" + expires.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Path(byte[] key, string id, DateTimeOffset expires)
    {
        var exp = expires.ToUnixTimeSeconds();
        return $"/api/exports/{Uri.EscapeDataString(id)}?exp={exp.ToString(CultureInfo.InvariantCulture)}&sig={Signature(key, id, exp)}";
    }

    /// <summary>What a link is worth: <see cref="LinkCheck.Ok"/>, <see cref="LinkCheck.Forged"/> (403) or <see cref="LinkCheck.Expired"/> (410).</summary>
    public static LinkCheck Check(byte[] key, string id, string? exp, string? sig, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(id) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || string.IsNullOrEmpty(sig))
        {
            return LinkCheck.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(key, id, expires));
        var given = Encoding.ASCII.GetBytes(sig);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return LinkCheck.Forged;
        }

        return now.ToUnixTimeSeconds() >= expires ? LinkCheck.Expired : LinkCheck.Ok;
    }
}

public enum LinkCheck
{
    Ok,
    Forged,
    Expired,
}
