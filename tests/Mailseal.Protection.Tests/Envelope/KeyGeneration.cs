using System.Security.Cryptography;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>One generation of a tenant's keys: wrapping pair, signing pair, recipient-hash secret.</summary>
internal sealed record KeyGeneration(RSA Wrapping, RSA Signing, byte[] RecipientSecret);
