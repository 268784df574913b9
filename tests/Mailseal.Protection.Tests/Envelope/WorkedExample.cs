using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Keys;
using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>The fixed inputs of the worked example in docs/envelope-format.md.</summary>
internal static class WorkedExample
{
    public const int SegmentSize = 64;
    public static readonly Guid TenantId = Guid.Parse("0b5e6c1a-7d2f-4c3e-9a41-5f0d8e2b7c16");
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 57, 11, TimeSpan.Zero);
    public static readonly byte[] ContentKey = Sequence(0x00, 32);
    public static readonly byte[] NoncePrefix = Sequence(0xa0, 7);
    public static readonly byte[] EnvelopeId = Sequence(0x10, 16);
    public static readonly byte[] RecipientSecret = Sequence(0x80, 32);

    public static readonly byte[] Message = Encoding.ASCII.GetBytes(
        "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: Hello\r\n\r\nA sealed hello.\r\n");

    public static readonly SealRequest Request = new(
        "alice@example.org", ["Bob@Example.NET"], "<hello@example.org>", "en", "OME Configuration", Now.AddDays(30));

    private static readonly Lazy<RSA> WrappingKey = new(() => Load("worked-example-wrapping.pem"));
    private static readonly Lazy<RSA> SigningKey = new(() => Load("worked-example-signing.pem"));

    public static RSA Wrapping => WrappingKey.Value;

    public static RSA Signing => SigningKey.Value;

    public static TestKeyRing Ring() => new TestKeyRing(TenantId)
        .Add("wrap-example", "sign-example", "rh-example", CryptoMode.Mode2, Wrapping, Signing, RecipientSecret);

    public static byte[] Sequence(int first, int count) => [.. Enumerable.Range(first, count).Select(i => (byte)i)];

    private static RSA Load(string name)
    {
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(RepositoryFiles.Path("tests", "TestData", "envelope", name)));
        return key;
    }
}
