using Mailseal.Core.Keys;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Sealing;
using Mailseal.Protection.Tests.Keys;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Tests.Sealing;

/// <summary>A message sealer and unsealer over real keys in a SQLite store, shared by a test class.</summary>
public sealed class SealingFixture : IAsyncLifetime
{
    private KeyHarness? _harness;

    public MessageSealer Sealer { get; private set; } = null!;

    public MessageUnsealer Unsealer { get; private set; } = null!;

    internal KeyHarness Harness => _harness!;

    public async Task InitializeAsync()
    {
        _harness = await KeyHarness.CreateAsync();
        await _harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var options = _harness.Options.Value;
        Sealer = new MessageSealer(
            new EnvelopeSealer(_harness.Ring, options, TimeProvider.System),
            new WrapperMailBuilder(),
            new BrandingTemplateCache(_harness.Storage.Branding, TimeProvider.System),
            options);
        Unsealer = new MessageUnsealer(new EnvelopeUnsealer(_harness.Ring, options));
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>Seals <paramref name="message"/> into a wrapper and unseals it again.</summary>
    public async Task<(byte[] Wrapper, byte[] Unsealed)> RoundTripAsync(Stream message, params string[] recipients)
    {
        using var wrapper = new MemoryStream();
        await Sealer.SealAsync(message, new MessageSealRequest("alice@example.org", recipients.Length > 0 ? recipients : ["bob@example.net"]), wrapper);
        wrapper.Position = 0;
        using var unsealed = new MemoryStream();
        await Unsealer.UnsealAsync(wrapper, unsealed);
        return (wrapper.ToArray(), unsealed.ToArray());
    }
}
