using System.Globalization;
using System.Security.Cryptography;
using Mailseal.Core.Portal;
using Mailseal.Core.Tracking;
using Mailseal.Portal.Metrics;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// Issues and checks one-time pass codes (docs/passcodes.md). A request does the same work and gives the same
/// answer whether or not the address is a recipient; the mail itself is written and sent in the background.
/// Every counter, code and limit is in the shared store, so the rules hold across portal nodes.
/// </summary>
public sealed partial class PassCodeService
{
    /// <summary>Letters only, without I and O: a reference cannot be mistaken for the code or misread.</summary>
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int ReferenceLength = 4;
    private const int CodeDigits = 8;
    private const int CodeSpace = 100_000_000;

    /// <summary>Saves of the attempt counter that lost to another node before the attempt gives up (fails closed).</summary>
    private const int CounterRetries = 64;

    private readonly IPassCodeStore _store;
    private readonly EnvelopeUnsealer _unsealer;
    private readonly PassCodeKeyRing _keys;
    private readonly PassCodeMailQueue _queue;
    private readonly PassCodeOptions _options;
    private readonly PassCodeLockPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<PassCodeService> _logger;
    private readonly PassCodeMetrics _metrics;

    internal PassCodeService(
        IPassCodeStore store, EnvelopeUnsealer unsealer, PassCodeKeyRing keys, PassCodeMailQueue queue,
        IOptions<PassCodeOptions> options, TimeProvider time, ILogger<PassCodeService> logger, PassCodeMetrics metrics)
    {
        _store = store;
        _unsealer = unsealer;
        _keys = keys;
        _queue = queue;
        _options = options.Value;
        _policy = new PassCodeLockPolicy(_options);
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<PassCodeIssue> RequestAsync(PassCodeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (address, addressHash, now, keys, subject) = await BeginAsync(request.PreSessionId, request.License, request.Address, ct);
        var isRecipient = await _unsealer.IsRecipientAsync(request.License, address, ct);

        // Both limits are counted for every request, so a refused one costs the same as an accepted one.
        var windowStart = WindowStart(now);
        var windowEnd = windowStart + _options.SendWindow;
        var perAddress = await _store.CountSendAsync(new PassCodeSendWindow(keys.AddressLimit(address), windowStart, windowEnd), ct);
        var perClient = await _store.CountSendAsync(new PassCodeSendWindow(keys.ClientLimit(request.ClientAddress), windowStart, windowEnd), ct);
        if (perAddress > _options.SendsPerAddress || perClient > _options.SendsPerClient)
        {
            LogRateLimited(_logger, addressHash, request.License.EnvelopeIdHex);
            _metrics.RateLimited();
            return new PassCodeIssue("", RateLimited: true, RetryAfter: windowEnd);
        }

        var code = RandomNumberGenerator.GetInt32(CodeSpace).ToString("D" + CodeDigits, CultureInfo.InvariantCulture);
        var reference = RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceLength);
        await _store.ReplaceCodeAsync(new PassCodeRecord(subject, keys.Code(subject, request.PreSessionId, code), now + _options.CodeLifetime), ct);
        if (!_queue.TryEnqueue(new PassCodeMailJob(isRecipient, address, code, reference, request.Culture, request.License)))
        {
            LogQueueFull(_logger, addressHash, request.License.EnvelopeIdHex);
        }

        LogIssued(_logger, addressHash, request.License.EnvelopeIdHex, reference);
        _metrics.Issued();
        return new PassCodeIssue(reference, RateLimited: false, RetryAfter: null);
    }

    public async Task<PassCodeCheck> VerifyAsync(PassCodeAttempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(attempt.Code);
        var (address, addressHash, now, keys, subject) = await BeginAsync(attempt.PreSessionId, attempt.License, attempt.Address, ct);
        var (reserved, lockedUntil) = await ReserveAttemptAsync(subject, now, ct);
        if (reserved is null)
        {
            LogLocked(_logger, addressHash, attempt.License.EnvelopeIdHex, lockedUntil);
            _metrics.Locked();
            return new PassCodeCheck(PassCodeOutcome.Locked, lockedUntil);
        }

        var stored = await _store.FindCodeAsync(subject, ct);
        var given = keys.Code(subject, attempt.PreSessionId, NormalizeCode(attempt.Code));
        // Compared in constant time, against a dummy when there is no code, so the time taken says nothing.
        ReadOnlyMemory<byte> expected = stored is null ? new byte[given.Length] : stored.CodeHash;
        var matches = CryptographicOperations.FixedTimeEquals(expected.Span, given);
        var accepted = matches && stored!.ExpiresAt > now
            && await _unsealer.IsRecipientAsync(attempt.License, address, ct)
            && await _store.ConsumeCodeAsync(subject, stored.CodeHash, ct);
        if (accepted)
        {
            await SaveSuccessAsync(subject, ct);
            LogAccepted(_logger, addressHash, attempt.License.EnvelopeIdHex);
            _metrics.Accepted();
            return new PassCodeCheck(PassCodeOutcome.Accepted, null);
        }

        LogRejected(_logger, addressHash, attempt.License.EnvelopeIdHex, reserved.Failures, reserved.LockedUntil);
        _metrics.Failed();
        if (reserved.LockedUntil is not null)
        {
            _metrics.Locked();
        }

        return reserved.LockedUntil is { } until
            ? new PassCodeCheck(PassCodeOutcome.Locked, until)
            : new PassCodeCheck(PassCodeOutcome.Rejected, null);
    }

    private async Task<(string Address, string AddressHash, DateTimeOffset Now, PassCodeKeys Keys, byte[] Subject)> BeginAsync(
        string preSessionId, License license, string address, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(preSessionId);
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(address);
        // People paste addresses with spaces around them; the normal form takes care of case.
        var trimmed = address.Trim();
        var keys = await _keys.ForAsync(license, ct);
        return (trimmed, RecipientHash.Of(trimmed), _time.GetUtcNow(), keys, keys.Subject(license, trimmed));
    }

    // Counts the attempt before the code is looked at; another node's save in between makes it read and try again.
    private async Task<(PassCodeAttemptCounter? Reserved, DateTimeOffset? LockedUntil)> ReserveAttemptAsync(
        byte[] subject, DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 0; i < CounterRetries; i++)
        {
            var counter = await _store.GetAttemptsAsync(subject, ct);
            var (reserved, lockedUntil) = _policy.Reserve(counter, now);
            if (reserved is null || await _store.TrySaveAttemptsAsync(reserved, counter.Version, ct))
            {
                return (reserved, lockedUntil);
            }
        }

        throw new InvalidOperationException("The pass-code attempt counter is changing too fast to be saved; the attempt is refused.");
    }

    private async Task SaveSuccessAsync(byte[] subject, CancellationToken ct)
    {
        for (var i = 0; i < CounterRetries; i++)
        {
            var counter = await _store.GetAttemptsAsync(subject, ct);
            if (await _store.TrySaveAttemptsAsync(PassCodeLockPolicy.Succeeded(counter, _time.GetUtcNow()), counter.Version, ct))
            {
                return;
            }
        }
    }

    private DateTimeOffset WindowStart(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % _options.SendWindow.Ticks), TimeSpan.Zero);

    // People type codes with spaces or dashes; anything that is not then 8 digits simply does not match.
    private static string NormalizeCode(string code) =>
        new([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass code issued for {AddressHash}, envelope {EnvelopeId}, reference {Reference}")]
    private static partial void LogIssued(ILogger logger, string addressHash, string envelopeId, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pass code request for {AddressHash}, envelope {EnvelopeId} rate-limited")]
    private static partial void LogRateLimited(ILogger logger, string addressHash, string envelopeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pass code mail queue full: the code for {AddressHash}, envelope {EnvelopeId} is not sent")]
    private static partial void LogQueueFull(ILogger logger, string addressHash, string envelopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass code sign-in accepted for {AddressHash}, envelope {EnvelopeId}")]
    private static partial void LogAccepted(ILogger logger, string addressHash, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pass code sign-in rejected for {AddressHash}, envelope {EnvelopeId} ({Failures} failures since the last lock; locked until {LockedUntil})")]
    private static partial void LogRejected(ILogger logger, string addressHash, string envelopeId, int failures, DateTimeOffset? lockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pass code sign-in for {AddressHash}, envelope {EnvelopeId} refused: locked until {LockedUntil}")]
    private static partial void LogLocked(ILogger logger, string addressHash, string envelopeId, DateTimeOffset? lockedUntil);
}
