using BenchmarkDotNet.Attributes;
using Mailseal.Portal.Reading;
using Mailseal.Portal.Viewing;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Benchmarks;

/// <summary>
/// What the portal does for every read request (docs/portal.md): unseal the cached envelope into memory, parse the
/// message and build its view (sanitised body with the cid: image inlined, attachments listed) — beside the
/// size-dependent parts no view can avoid: AES-GCM and base64 over the same bytes, and one MIME parse.
/// </summary>
[Config(typeof(BenchmarkJob))]
// Sanitising runs through a great deal of AngleSharp code that the JIT is still recompiling after three warm-up
// iterations (every run with three got faster iteration by iteration, and fifteen left the view still falling);
// a portal serves in its steady state.
[WarmupCount(40)]
[IterationCount(12)]
public class PortalViewBenchmarks : IDisposable
{
    private SealingHarness _harness = null!;
    private RawBound _raw = null!;
    private MessageViewBuilder _views = null!;
    private byte[] _message = null!;
    private byte[] _envelope = null!;
    private byte[] _encodedCiphertext = null!;

    /// <summary>50 KB and 25 MB (decimal, under the 25 MiB limit).</summary>
    [Params(50_000, 25_000_000)]
    public int MessageBytes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await SealingHarness.CreateAsync();
        _raw = new RawBound();
        _views = new MessageViewBuilder(Options.Create(new ViewingOptions()));
        _message = PortalSampleMessage.Create(MessageBytes);
        _envelope = await _harness.SealEnvelopeAsync(_message);
        _encodedCiphertext = _raw.EncodedCiphertext(_message);

        // One view warms the key ring's caches and proves the message shows its image and attachment.
        var view = await View();
        if (!view.BodyDocument.Contains("data:image/png;base64,", StringComparison.Ordinal) || view.Attachments.Count != 1)
        {
            throw new InvalidOperationException("The view does not show the inline image and the attachment.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _raw.Dispose();
        _harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>As every read request does it (<c>SessionMessageOpener</c>, then <c>MessageViewBuilder</c>): unseal, parse, build the view.</summary>
    [Benchmark(Description = "View (decrypt and render)")]
    public async Task<MessageView> View()
    {
        using var opened = await OpenedMessage.UnsealAsync(_harness.EnvelopeUnsealer, _envelope, CancellationToken.None);
        return _views.Build(opened.Message);
    }

    [Benchmark(Description = "AES-GCM + base64 decode")]
    public long DecodeAndDecrypt() => _raw.DecodeAndDecrypt(_encodedCiphertext);

    [Benchmark(Description = "MIME parse")]
    public MimeMessage MimeParse() => MimeMessage.Load(new MemoryStream(_message, writable: false), persistent: false);
}
