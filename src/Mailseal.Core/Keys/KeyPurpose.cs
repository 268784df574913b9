namespace Mailseal.Core.Keys;

/// <summary>What a tenant key is used for. Each purpose has its own keys: a key never serves two.</summary>
public enum KeyPurpose
{
    /// <summary>RSA key pair that wraps each envelope's content key (RSA-OAEP).</summary>
    ContentKeyWrapping = 1,

    /// <summary>RSA key pair that signs each envelope's license (RSA-PSS).</summary>
    LicenseSigning = 2,

    /// <summary>Symmetric secret under which recipient addresses are hashed (HMAC-SHA256).</summary>
    RecipientHashing = 3,
}
