namespace Mailseal.Core.Portal;

/// <summary>
/// The portal's one-time pass codes, their failure counters and send counters, shared by every portal node.
/// Only keyed hashes are stored: no code, address, envelope id or client address in clear.
/// </summary>
public interface IPassCodeStore
{
    /// <summary>Stores the live code of a subject, replacing (so cancelling) any earlier one.</summary>
    Task ReplaceCodeAsync(PassCodeRecord code, CancellationToken cancellationToken = default);

    /// <summary>The live code of a subject, expired or not; null when there is none.</summary>
    Task<PassCodeRecord?> FindCodeAsync(ReadOnlyMemory<byte> subjectHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the subject's code if it is still <paramref name="codeHash"/>; true only for the one caller that
    /// removed it, so that a code is used once even when two nodes check it at the same moment.
    /// </summary>
    Task<bool> ConsumeCodeAsync(ReadOnlyMemory<byte> subjectHash, ReadOnlyMemory<byte> codeHash, CancellationToken cancellationToken = default);

    /// <summary>The subject's attempt counter; <see cref="PassCodeAttemptCounter.Version"/> 0 when none is stored yet.</summary>
    Task<PassCodeAttemptCounter> GetAttemptsAsync(ReadOnlyMemory<byte> subjectHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="counter"/> if the stored one still has <paramref name="expectedVersion"/> (0: none
    /// stored yet), as version <paramref name="expectedVersion"/> + 1. False when another node saved first.
    /// </summary>
    Task<bool> TrySaveAttemptsAsync(PassCodeAttemptCounter counter, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Adds one send to a limit's window and returns the sends counted in it, this one included.</summary>
    Task<int> CountSendAsync(PassCodeSendWindow window, CancellationToken cancellationToken = default);

    /// <summary>Forgets expired codes and windows, and counters idle since before <paramref name="idleBefore"/>; returns how many rows.</summary>
    Task<int> PruneAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken cancellationToken = default);
}
