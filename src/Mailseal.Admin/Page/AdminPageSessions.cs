using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Admin.Page;

/// <summary>
/// The admin page's sign-in sessions: a 128-bit random token in the cookie, only its SHA-256 in memory. Sessions
/// end after <see cref="IdleTimeout"/> without a request and <see cref="AbsoluteTimeout"/> after sign-in; they are
/// per node (an administrator signs in again on another node) and end with the process.
/// </summary>
internal sealed class AdminPageSessions(TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, AdminPageSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session for the key and returns the token for the cookie.</summary>
    public string Start(string keyId)
    {
        Prune();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        _sessions[Hash(token)] = new AdminPageSession(keyId, now, now);
        return token;
    }

    /// <summary>The live session of a cookie token, touched; null when unknown or expired.</summary>
    public AdminPageSession? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var hash = Hash(token);
        if (!_sessions.TryGetValue(hash, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(session, now))
        {
            _sessions.TryRemove(hash, out _);
            return null;
        }

        var touched = session with { LastSeenAt = now };
        _sessions[hash] = touched;
        return touched;
    }

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token) && token.Length <= 64)
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (hash, session) in _sessions)
        {
            if (IsExpired(session, now))
            {
                _sessions.TryRemove(hash, out _);
            }
        }
    }

    private static bool IsExpired(AdminPageSession session, DateTimeOffset now) =>
        now - session.LastSeenAt >= IdleTimeout || now - session.CreatedAt >= AbsoluteTimeout;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
