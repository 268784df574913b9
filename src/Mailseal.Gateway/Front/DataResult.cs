namespace Mailseal.Gateway.Front;

/// <summary>How reading DATA ended: at CRLF.CRLF (possibly breaking limits) or with the connection closed.</summary>
internal readonly record struct DataResult(bool Completed, DataViolation Violation, long MessageBytes);
