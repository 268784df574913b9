namespace Mailseal.Core.Keys;

/// <summary>The algorithm suite of an RSA key and of every envelope sealed with it.</summary>
public enum CryptoMode
{
    /// <summary>RSA-1024 with SHA-1. Legacy interoperability only; off unless the operator enables it.</summary>
    Mode1 = 1,

    /// <summary>RSA-2048 (or 3072, 4096) with SHA-256. The default.</summary>
    Mode2 = 2,
}
