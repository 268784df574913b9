namespace Mailseal.Core.Portal;

/// <summary>The one live pass code of a subject (a recipient of one envelope), as a keyed hash.</summary>
/// <param name="SubjectHash">Keyed hash of the envelope and the recipient's address.</param>
/// <param name="CodeHash">Keyed hash of the code together with the subject and the pre-session it was issued to.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record PassCodeRecord(ReadOnlyMemory<byte> SubjectHash, ReadOnlyMemory<byte> CodeHash, DateTimeOffset ExpiresAt);
