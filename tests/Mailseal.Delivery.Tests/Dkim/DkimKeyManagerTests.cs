using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Delivery.Dkim;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Protection.Keys;

namespace Mailseal.Delivery.Tests.Dkim;

public sealed class DkimKeyManagerTests(DkimTestContext context) : IClassFixture<DkimTestContext>
{
    [Fact]
    public async Task CreateAsync_NewKey_TxtRecordPublishesItsPublicHalf()
    {
        var key = await context.Keys.CreateAsync("Records.Example.", "s2026", 2048);

        Assert.Equal("records.example", key.Domain);
        Assert.Equal("s2026._domainkey.records.example", key.DnsName);
        var value = DkimDnsRecord.Value(key);
        Assert.StartsWith("v=DKIM1; k=rsa; p=", value, StringComparison.Ordinal);
        using var published = RSA.Create();
        published.ImportSubjectPublicKeyInfo(Convert.FromBase64String(value["v=DKIM1; k=rsa; p=".Length..]), out _);
        using var opened = RSA.Create();
        opened.ImportPkcs8PrivateKey(context.Keys.OpenPrivateKey(key), out _);
        var data = Encoding.ASCII.GetBytes("proof of possession");
        var signature = opened.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(published.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task ZoneFileLine_4096BitKey_SplitsIntoStringsOfAtMost255()
    {
        var key = await context.Keys.CreateAsync("long.example", "big", 4096);

        var line = DkimDnsRecord.ZoneFileLine(key);

        Assert.StartsWith("big._domainkey.long.example. IN TXT \"v=DKIM1; k=rsa; p=", line, StringComparison.Ordinal);
        var strings = Regex.Matches(line, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(strings.Count > 1);
        Assert.All(strings, s => Assert.InRange(s.Length, 1, DkimDnsRecord.MaxStringLength));
        Assert.Equal(DkimDnsRecord.Value(key), string.Concat(strings));
    }

    [Fact]
    public async Task CreateAsync_UnicodeDomain_StoresTheALabel()
    {
        var key = await context.Keys.CreateAsync("bücher.example", "s1", 1024);

        Assert.Equal("xn--bcher-kva.example", key.Domain);
    }

    [Theory]
    [InlineData("not a domain", "s1", 2048)]
    [InlineData("example.com", "bad selector", 2048)]
    [InlineData("example.com", "s1", 512)]
    public async Task CreateAsync_InvalidInput_ThrowsAndStoresNothing(string domain, string selector, int bits)
    {
        var before = (await context.Keys.ListAsync()).Count;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => context.Keys.CreateAsync(domain, selector, bits));

        Assert.Equal(before, (await context.Keys.ListAsync()).Count);
    }

    [Fact]
    public async Task OpenPrivateKey_SealedSecretMovedToAnotherDomain_Throws()
    {
        var first = await context.Keys.CreateAsync("first.example", "s1", 1024);
        var second = await context.Keys.CreateAsync("second.example", "s1", 1024);

        Assert.Throws<KeyUnavailableException>(() =>
            context.Keys.OpenPrivateKey(second with { ProtectedPrivateKey = first.ProtectedPrivateKey }));
    }
}
