using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// Envelopes changed by an attacker get the portal's one uniform answer, whatever was changed: a recipient hash
/// or the signature (refused at arrival, like garbage), or a license spliced onto another envelope's ciphertext
/// (its signature is genuine, so it arrives; reading it shows the same page as any ciphertext that fails).
/// Flipped license and ciphertext bytes, foreign keys and expiry are in the arrival and read page tests.
/// </summary>
public sealed partial class EnvelopeTamperingTests
{
    private const string Bob = "bob@example.net";

    [Fact]
    public async Task Arrival_ChangedRecipientHashOrSignature_SamePageAsGarbage()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync("Figures", [Bob]);
        var recipientChanged = WithChangedRecipientHash(envelope);
        var signatureChanged = (byte[])envelope.Clone();
        signatureChanged[LicenseLength(envelope) + 12 + 5] ^= 0x40;

        var pages = new List<string>();
        foreach (var attempt in new[] { recipientChanged, signatureChanged, "not an envelope"u8.ToArray() })
        {
            using var response = await browser.PostEnvelopeAsync(attempt);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            pages.Add(WithoutNonce(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(pages.Distinct());
        Assert.Empty(browser.Cookies);
    }

    [Fact]
    public async Task Read_LicenseSplicedOntoAnotherCiphertext_SameUniformPageAsAFailedCiphertext_NothingShown()
    {
        await using var app = await PortalApp.StartAsync();
        var genuine = await app.SealAsync("Genuine", [Bob]);
        var other = await app.SealAsync("Other words", [Bob]);
        var spliced = genuine[..HeaderLength(genuine)].Concat(other[HeaderLength(other)..]).ToArray();
        var flipped = (byte[])genuine.Clone();
        flipped[^20] ^= 0x01;

        var splicedPage = await ReadAsync(app, spliced);
        var flippedPage = await ReadAsync(app, flipped);

        Assert.Equal(HttpStatusCode.Gone, splicedPage.Status);
        Assert.Equal(flippedPage, splicedPage);
        Assert.DoesNotContain("Other words", splicedPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxx", splicedPage.Html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> ReadAsync(PortalApp app, byte[] envelope)
    {
        using var browser = app.CreateBrowser();
        using var arrival = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob));
        var id = (await app.Services.GetRequiredService<EnvelopeUnsealer>().VerifyAsync(new MemoryStream(envelope))).EnvelopeIdHex;
        using var read = await browser.GetAsync($"/read/{id}");
        return (read.StatusCode, WithoutNonce(await read.Content.ReadAsStringAsync()).Replace(id, "ID", StringComparison.Ordinal));
    }

    /// <summary>One character of the first recipient hash in the license changed (base64url stays valid).</summary>
    private static byte[] WithChangedRecipientHash(byte[] envelope)
    {
        var changed = (byte[])envelope.Clone();
        var license = Encoding.ASCII.GetString(changed, 10, LicenseLength(changed));
        var at = 10 + license.IndexOf("\"recipients\":[\"", StringComparison.Ordinal) + "\"recipients\":[\"".Length + 3;
        changed[at] = changed[at] == (byte)'A' ? (byte)'B' : (byte)'A';
        return changed;
    }

    private static int LicenseLength(byte[] envelope) => (int)BinaryPrimitives.ReadUInt32BigEndian(envelope.AsSpan(6, 4));

    /// <summary>Magic, version, license and signature: everything before the first segment (docs/envelope-format.md §1).</summary>
    private static int HeaderLength(byte[] envelope)
    {
        var license = LicenseLength(envelope);
        return 12 + license + BinaryPrimitives.ReadUInt16BigEndian(envelope.AsSpan(10 + license, 2));
    }

    private static string WithoutNonce(string html) => Nonce().Replace(html, "nonce=\"\"");

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();
}
