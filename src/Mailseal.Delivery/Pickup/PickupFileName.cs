using System.Globalization;
using System.Security.Cryptography;

namespace Mailseal.Delivery.Pickup;

/// <summary>
/// Names of pickup files: UTC time to the tenth of a microsecond, a per-process sequence number and a
/// random part, so that names sort by time and never collide, even across processes sharing the folder.
/// </summary>
internal static class PickupFileName
{
    public const string Extension = ".eml";
    public const string TemporaryExtension = ".tmp";

    private static long _sequence;

    public static string Next(DateTimeOffset now)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture,
            $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{sequence:x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{Extension}");
    }

    /// <summary>The name a file has while it is written: hidden, and not matching *.eml.</summary>
    public static string Temporary(string finalName) => "." + finalName + TemporaryExtension;
}
