namespace Mailseal.Gateway.Front;

/// <summary>The path of MAIL FROM or RCPT TO (without brackets) and its ESMTP parameters, keys upper-case.</summary>
internal sealed record PathArgument(string Address, IReadOnlyDictionary<string, string?> Parameters);
