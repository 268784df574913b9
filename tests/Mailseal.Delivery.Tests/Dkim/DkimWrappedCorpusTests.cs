using System.Text;
using Mailseal.Delivery.Dkim;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Protection.Sealing;
using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Delivery.Tests.Dkim;

/// <summary>
/// Every corpus message that SMTP carries, sealed into a wrapper as the gateway does, then signed: what the gateway
/// sends. Each signature is checked by MimeKit's verifier and by dkimpy.
/// </summary>
public sealed class DkimWrappedCorpusTests(DkimTestContext context) : IClassFixture<DkimTestContext>
{
    [Fact]
    public async Task SignAsync_EveryWrappedCorpusMessage_VerifiesWithMimeKitAndDkimPy()
    {
        var names = TestCorpus.FileNames.Where(TestCorpus.IsSmtpCarriable).ToList();
        Assert.NotEmpty(names);
        var signed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var mimeKitFailures = new List<string>();
        var unsigned = new List<string>();
        foreach (var name in names)
        {
            using var wrapper = new MemoryStream();
            await context.Sealer.SealAsync(new MemoryStream(TestCorpus.ReadAllBytes(name)), new MessageSealRequest("alice@example.org", ["bob@example.net"]), wrapper);
            var bytes = wrapper.ToArray();
            using (var parsed = MimeMessage.Load(new MemoryStream(bytes)))
            {
                // The wrapper carries the original From, so the key is that domain's, as in the gateway.
                var domain = parsed.From.Mailboxes.FirstOrDefault()?.Domain;
                if (string.IsNullOrEmpty(domain) || DkimDomain.Normalize(domain) is null)
                {
                    unsigned.Add(name);
                    continue;
                }

                await context.EnsureKeyAsync(domain);
            }

            var (field, rest) = await context.SignAsync(bytes);
            byte[] message = [.. Encoding.ASCII.GetBytes(field), .. rest];
            if (!await context.VerifyWithMimeKitAsync(message))
            {
                mimeKitFailures.Add(name);
            }

            signed[name] = message;
        }

        Assert.Empty(mimeKitFailures);
        Assert.True(signed.Count > names.Count * 9 / 10, $"Only {signed.Count} of {names.Count} wrappers had a From domain: {string.Join(", ", unsigned)}");
        Assert.Empty(await DkimPyVerifier.FailuresAsync(context.Records, signed));
    }
}
