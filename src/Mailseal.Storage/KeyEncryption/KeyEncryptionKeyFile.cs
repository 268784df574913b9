using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Keys;

namespace Mailseal.Storage.KeyEncryption;

/// <summary>
/// Reads and writes a key-encryption key file: exactly 32 raw bytes, or the base64 text of 32 bytes
/// (surrounding whitespace ignored). A file that anyone but its owner may read or write is refused.
/// </summary>
internal static class KeyEncryptionKeyFile
{
    private const UnixFileMode GroupOrOtherAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static KeyEncryptionKey Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key-encryption key file '{path}' does not exist.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOtherAccess) != 0)
        {
            throw new InvalidOperationException(
                $"The key-encryption key file '{path}' is accessible to its group or to others; "
                + $"allow its owner only (chmod 600 '{path}').");
        }

        var content = File.ReadAllBytes(path);
        try
        {
            return content.Length == KeyEncryptionKey.SizeInBytes
                ? new KeyEncryptionKey(content)
                : FromBase64(Encoding.ASCII.GetString(content), $"The key-encryption key file '{path}'");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Decodes base64 text of exactly 32 bytes; <paramref name="source"/> names where it came from.</summary>
    public static KeyEncryptionKey FromBase64(string text, string source)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        try
        {
            if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length))
            {
                throw new InvalidOperationException(
                    $"{source} is neither {KeyEncryptionKey.SizeInBytes} raw bytes nor valid base64.");
            }

            if (length != KeyEncryptionKey.SizeInBytes)
            {
                throw new InvalidOperationException(
                    $"{source} holds {length} bytes; a key-encryption key is exactly {KeyEncryptionKey.SizeInBytes} "
                    + "bytes (e.g. openssl rand -base64 32).");
            }

            return new KeyEncryptionKey(buffer.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// Writes a new random key as base64 to <paramref name="path"/>, created owner-only from the first byte.
    /// Returns false when the file appeared meanwhile (another process made it first); the caller reads it.
    /// </summary>
    public static bool TryCreate(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeyEncryptionKey.SizeInBytes);
        var temporary = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite, the move fails rather than replace a key another process just made.
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            File.Delete(temporary);
        }
    }
}
