using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Gateway.Front;

/// <summary>
/// Checks submission credentials in constant time: both values are hashed to a fixed length and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, and both comparisons always run.
/// </summary>
internal sealed class SubmissionAuthenticator
{
    private readonly byte[]? _userNameHash;
    private readonly byte[]? _passwordHash;

    public SubmissionAuthenticator(SubmissionCredentialsOptions credentials)
    {
        if (credentials.IsConfigured)
        {
            _userNameHash = Hash(credentials.UserName!);
            _passwordHash = Hash(credentials.Password!);
        }
    }

    public bool Verify(string userName, string password)
    {
        if (_userNameHash is null || _passwordHash is null)
        {
            return false;
        }

        var userMatches = CryptographicOperations.FixedTimeEquals(Hash(userName), _userNameHash);
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Hash(password), _passwordHash);
        return userMatches & passwordMatches;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
