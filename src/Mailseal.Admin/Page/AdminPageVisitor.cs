namespace Mailseal.Admin.Page;

/// <param name="KeyId">The id of the key the request is made with, or null.</param>
/// <param name="RetryAfter">Set when the request presented a key while its client address is over the failed-key limit.</param>
internal readonly record struct AdminPageVisitor(string? KeyId, TimeSpan? RetryAfter);
