using System.Collections.Concurrent;
using System.Text;
using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Writes the wrapper message that replaces a sealed original: the original's addressing headers, a branded
/// body that explains what to do, and message.html carrying the envelope. Everything but the headers and the
/// envelope is rendered once per branding content, language and portal address and cached; the envelope is
/// base64-encoded straight into the output as it is produced, so nothing is spooled or held whole.
/// </summary>
public sealed class WrapperMailBuilder
{
    /// <summary>The header that marks a wrapper. A hint for mail clients only: it proves nothing.</summary>
    public const string MarkHeader = "X-Mailseal-Envelope";

    /// <summary>The attachment's file name.</summary>
    public const string AttachmentFileName = "message.html";

    // Templates are small (a few tens of KB with the logo); the bound only keeps a churn of edited
    // templates from growing the cache without end.
    private const int MaxCachedTemplates = 256;

    private static readonly byte[] MarkAndVersion = Encoding.ASCII.GetBytes($"{MarkHeader}: 1\r\nMIME-Version: 1.0\r\n");

    private readonly WrapperTemplateRenderer _renderer;
    private readonly ConcurrentDictionary<string, WrapperTemplate> _templates = new(StringComparer.Ordinal);

    /// <param name="identifiers">Boundaries and Content-IDs; random unless a test needs them fixed.</param>
    public WrapperMailBuilder(IMimeIdentifierSource? identifiers = null)
    {
        _renderer = new WrapperTemplateRenderer(identifiers ?? RandomMimeIdentifierSource.Instance);
    }

    /// <summary>Writes the wrapper message (RFC 5322, CRLF line endings) around an existing envelope.</summary>
    public Task WriteAsync(WrapperRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(
            new WrapperContext(request.OriginalHeaders, request.Branding, request.Language, request.PortalUrl),
            output,
            async (envelopeOutput, ct) =>
            {
                await request.Envelope.CopyToAsync(envelopeOutput, ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes the wrapper message (RFC 5322, CRLF line endings) to <paramref name="output"/> in one pass:
    /// <paramref name="writeEnvelope"/> writes the envelope's bytes into a stream that encodes them into
    /// message.html's hidden field. On an exception the output is incomplete and must be discarded.
    /// </summary>
    /// <returns>What <paramref name="writeEnvelope"/> returned.</returns>
    public async Task<T> WriteAsync<T>(
        WrapperContext context,
        Stream output,
        Func<Stream, CancellationToken, Task<T>> writeEnvelope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(writeEnvelope);
        var template = TemplateFor(context);

        using var prefix = new MemoryStream();
        WrapperHeaders.WriteKept(context.OriginalHeaders, prefix);
        prefix.Write(MarkAndVersion);
        prefix.Write(template.BeforeEnvelope);

        // The prefix goes out with the envelope's first line, so a refusal before sealing writes nothing.
        T result;
        await using (var encoder = new Base64LineStream(output, prefix.GetBuffer().AsMemory(0, (int)prefix.Length)))
        {
            result = await writeEnvelope(encoder, cancellationToken);
            await encoder.FinishAsync(cancellationToken);
        }

        await output.WriteAsync(template.AfterEnvelope, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return result;
    }

    private WrapperTemplate TemplateFor(WrapperContext context)
    {
        var key = WrapperTemplateKey.For(context.Branding, context.Language, context.PortalUrl);
        if (_templates.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_templates.Count >= MaxCachedTemplates)
        {
            _templates.Clear();
        }

        var branding = EffectiveBranding.Resolve(context.Branding, context.Language);
        return _templates.GetOrAdd(key, _renderer.Render(branding, context.PortalUrl));
    }
}
