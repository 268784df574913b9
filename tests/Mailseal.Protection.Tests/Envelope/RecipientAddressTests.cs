using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

public sealed class RecipientAddressTests
{
    [Theory]
    [InlineData("anna@example.org", "anna@example.org")]
    [InlineData("Anna.Smith@Example.ORG", "anna.smith@example.org")]
    [InlineData("anna@example.org.", "anna@example.org")]
    [InlineData("user@bücher.example", "user@xn--bcher-kva.example")]
    [InlineData("USER@BÜCHER.EXAMPLE", "user@xn--bcher-kva.example")]
    [InlineData("ÉLODIE@example.fr", "élodie@example.fr")]
    [InlineData("\"a@b\"@example.org", "\"a@b\"@example.org")]
    [InlineData("用户@例子.测试", "用户@xn--fsqu00a.xn--0zwm56d")]
    public void Normalize_Address_GivesNormalForm(string address, string expected)
    {
        Assert.Equal(expected, RecipientAddress.Normalize(address));
    }

    [Fact]
    public void Normalize_DecomposedAndComposedLocalPart_GiveTheSameNormalForm()
    {
        var decomposed = RecipientAddress.Normalize("Jose\u0301@example.org");
        var composed = RecipientAddress.Normalize("jos\u00e9@example.org");

        Assert.Equal("jos\u00e9@example.org", decomposed);
        Assert.Equal(composed, decomposed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@example.org")]
    [InlineData("user@")]
    [InlineData("user@.")]
    public void Normalize_Malformed_ThrowsArgumentException(string address)
    {
        Assert.Throws<ArgumentException>(() => RecipientAddress.Normalize(address));
    }

    [Fact]
    public void Hash_SpellingsOfOneAddress_GiveOneHash()
    {
        byte[] secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

        var first = RecipientHasher.Hash("Anna@Example.org.", secret);
        var second = RecipientHasher.Hash("anna@EXAMPLE.ORG", secret);
        var other = RecipientHasher.Hash("anna@example.net", secret);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Hash_AnotherSecret_GivesAnotherHash()
    {
        Assert.NotEqual(RecipientHasher.Hash("anna@example.org", new byte[32]), RecipientHasher.Hash("anna@example.org", new byte[] { 1 }));
    }

    [Fact]
    public async Task IsRecipientAsync_RecipientsAndOthers_AnswersByHash()
    {
        var ring = TestKeyRing.Create();
        var (_, license) = await EnvelopeKit.SealAsync(ring, [1], request: EnvelopeKit.Request("anna@example.org", "bob@bücher.example"));
        var unsealer = new EnvelopeUnsealer(ring, EnvelopeKit.Options());

        Assert.True(await unsealer.IsRecipientAsync(license, "ANNA@example.org"));
        Assert.True(await unsealer.IsRecipientAsync(license, "bob@xn--bcher-kva.example"));
        Assert.False(await unsealer.IsRecipientAsync(license, "carol@example.org"));
        Assert.False(await unsealer.IsRecipientAsync(license, "not an address"));
        Assert.True(RecipientHasher.IsRecipient(license, "anna@example.org", ring.Active!.RecipientHashSecret));
        Assert.False(RecipientHasher.IsRecipient(license, "anna@example.org", new byte[32]));
    }

    [Fact]
    public async Task IsRecipientAsync_SecretUnknownHere_IsFalse()
    {
        var sealing = TestKeyRing.Create();
        var (_, license) = await EnvelopeKit.SealAsync(sealing, [1], request: EnvelopeKit.Request("anna@example.org"));
        var unsealer = new EnvelopeUnsealer(new TestKeyRing(sealing.TenantId).AddGeneration("z"), EnvelopeKit.Options());

        Assert.False(await unsealer.IsRecipientAsync(license, "anna@example.org"));
    }
}
