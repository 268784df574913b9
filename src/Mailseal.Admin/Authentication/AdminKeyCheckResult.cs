using Mailseal.Core.Administration;

namespace Mailseal.Admin.Authentication;

/// <param name="Verdict">What was made of the key.</param>
/// <param name="Key">The accepted key; null unless <see cref="AdminKeyVerdict.Accepted"/>.</param>
/// <param name="RetryAfter">How long the client must wait; zero unless <see cref="AdminKeyVerdict.TooManyFailures"/>.</param>
internal readonly record struct AdminKeyCheckResult(AdminKeyVerdict Verdict, AdminApiKeyInfo? Key, TimeSpan RetryAfter);
