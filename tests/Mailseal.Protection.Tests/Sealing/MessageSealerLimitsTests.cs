using System.Text;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Sealing;

/// <summary>The limits a whole message meets before it is sealed, each a typed refusal.</summary>
public sealed class MessageSealerLimitsTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public async Task Seal_ToFieldAtTheLimit_Sealed()
    {
        var message = MessageWithTo(11_980);

        var (_, unsealed) = await fixture.RoundTripAsync(new MemoryStream(message));

        Assert.Equal(message, unsealed);
    }

    [Fact]
    public async Task Seal_ToFieldOverTheLimit_RefusedAndNothingWritten()
    {
        using var wrapper = new MemoryStream();

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => fixture.Sealer.SealAsync(
            new MemoryStream(MessageWithTo(11_981)), new MessageSealRequest("alice@example.org", ["bob@example.net"]), wrapper));

        Assert.Equal(SealingRefusalReason.ToHeaderTooLong, error.Reason);
        Assert.Contains("11980", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, wrapper.Length);
    }

    [Fact]
    public async Task Seal_MessageOverTheSizeLimit_RefusedAndNoWrapper()
    {
        var options = fixture.Harness.Options.Value;
        using var wrapper = new MemoryStream();
        var oversize = new MemoryStream(new byte[options.MaxMessageBytes + 1]);

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => fixture.Sealer.SealAsync(
            oversize, new MessageSealRequest("alice@example.org", ["bob@example.net"]), wrapper));

        Assert.Equal(SealingRefusalReason.MessageTooLarge, error.Reason);
        Assert.Equal(0, wrapper.Length);
    }

    [Fact]
    public async Task Seal_UnknownBrandingTemplate_Refused()
    {
        using var wrapper = new MemoryStream();

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => fixture.Sealer.SealAsync(
            new MemoryStream(MessageWithTo(40)), new MessageSealRequest("alice@example.org", ["bob@example.net"], "No such template"), wrapper));

        Assert.Equal(SealingRefusalReason.UnknownBrandingTemplate, error.Reason);
    }

    /// <summary>A message whose unfolded To field is exactly <paramref name="length"/> characters.</summary>
    private static byte[] MessageWithTo(int length)
    {
        var to = new StringBuilder();
        var index = 0;
        while (to.Length < length)
        {
            var next = (to.Length == 0 ? "" : ", ") + $"r{index++}@example.net";
            if (to.Length + next.Length > length)
            {
                to.Append(new string('x', length - to.Length));
                break;
            }

            to.Append(next);
        }

        var folded = to.ToString().Replace(", ", ",\r\n ", StringComparison.Ordinal);
        return Encoding.ASCII.GetBytes(
            $"From: alice@example.org\r\nTo: {folded}\r\nSubject: limits\r\nMessage-ID: <limits@example.org>\r\n\r\nbody\r\n");
    }
}
