using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>RSA keys generated once per test run and shared: generating them is the slow part.</summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<(string, CryptoMode), Lazy<KeyGeneration>> Cache = new();

    public static KeyGeneration Generation(string name, CryptoMode mode) =>
        Cache.GetOrAdd((name, mode), key => new Lazy<KeyGeneration>(() => Create(key.Item2))).Value;

    private static KeyGeneration Create(CryptoMode mode)
    {
        var bits = mode == CryptoMode.Mode1 ? 1024 : 2048;
        return new KeyGeneration(RSA.Create(bits), RSA.Create(bits), RandomNumberGenerator.GetBytes(32));
    }
}
