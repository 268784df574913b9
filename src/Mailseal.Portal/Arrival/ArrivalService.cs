using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Portal;
using Mailseal.Portal.Sessions;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Arrival;

/// <summary>
/// Turns a posted envelope into a pre-session: rate limit per client address, bounded read, license verified
/// (nothing decrypted), expiry judged, the sealed bytes kept once in the shared cache under a byte cap.
/// It never sends a code, decrypts or replies.
/// </summary>
public sealed partial class ArrivalService(
    IPreSessionStore store,
    IRateCounterStore counters,
    EnvelopeUnsealer unsealer,
    TimeProvider time,
    IOptions<PortalOptions> options,
    ILogger<ArrivalService> logger)
{
    private readonly PortalOptions _options = options.Value;

    /// <summary>Counts an arrival of <paramref name="client"/> in the shared store; false when over the limit.</summary>
    public async Task<bool> AdmitAsync(IPAddress? client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = _options.ArrivalRateWindow;
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        // The address is hashed: the counter needs to tell clients apart, not to know them.
        var key = "arrival:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(client?.ToString() ?? "unknown")))[..32];
        var count = await counters.IncrementAsync(key, windowStart, windowStart + window, cancellationToken);
        if (count > _options.ArrivalsPerClient)
        {
            LogRateLimited(logger);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads the envelope (decoded bytes) from <paramref name="envelope"/>, at most Portal:MaxEnvelopeBytes of them,
    /// and verifies it. Decoding failures of the stream (<see cref="FormatException"/>,
    /// <see cref="EnvelopeInvalidException"/>) count as an invalid envelope.
    /// </summary>
    public async Task<ArrivalResult> ReceiveAsync(Stream envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        byte[]? bytes;
        try
        {
            bytes = await ReadBoundedAsync(envelope, _options.MaxEnvelopeBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException or EnvelopeInvalidException)
        {
            return Refused(ArrivalOutcome.Invalid);
        }

        if (bytes is null)
        {
            return Refused(ArrivalOutcome.TooLarge);
        }

        License license;
        try
        {
            license = await unsealer.VerifyAsync(new MemoryStream(bytes, writable: false), cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            return Refused(ArrivalOutcome.Invalid);
        }

        var now = time.GetUtcNow();
        if (license.ExpiresAt is { } expiry && expiry <= now)
        {
            return Refused(ArrivalOutcome.Expired);
        }

        var expiresAt = now + _options.PreSessionLifetime;
        if (license.ExpiresAt is { } licenseEnd && licenseEnd < expiresAt)
        {
            expiresAt = licenseEnd;
        }

        var envelopeHash = SHA256.HashData(bytes);
        if (!await store.ExtendEnvelopeAsync(envelopeHash, now, expiresAt, cancellationToken))
        {
            if (await store.CachedBytesAsync(now, cancellationToken) + bytes.Length > _options.EnvelopeCacheMaxBytes)
            {
                LogCacheFull(logger);
                return Refused(ArrivalOutcome.Busy);
            }

            await store.StoreEnvelopeAsync(envelopeHash, bytes, expiresAt, cancellationToken);
        }

        var (token, idHash) = SessionToken.New();
        var preSession = new PreSession(idHash, envelopeHash, license.EnvelopeIdHex, license.BrandingTemplate, now, expiresAt);
        await store.CreateAsync(preSession, cancellationToken);
        LogArrived(logger, license.EnvelopeIdHex);
        return new ArrivalResult(ArrivalOutcome.Arrived, preSession, token);
    }

    private ArrivalResult Refused(ArrivalOutcome outcome)
    {
        LogRefused(logger, outcome);
        return ArrivalResult.Refused(outcome);
    }

    /// <summary>The whole stream as an array, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return copy.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Envelope {EnvelopeId} arrived; pre-session created.")]
    private static partial void LogArrived(ILogger logger, string envelopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Arrival refused: {Outcome}.")]
    private static partial void LogRefused(ILogger logger, ArrivalOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Arrival refused: too many arrivals from one client address.")]
    private static partial void LogRateLimited(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Arrival refused: the envelope cache is at Portal:EnvelopeCacheMaxBytes.")]
    private static partial void LogCacheFull(ILogger logger);
}
