namespace Mailseal.Core.Rules;

/// <summary>A header a rule sets on the copy (SetHeaderName/SetHeaderValue): replaces any header of that name.</summary>
public sealed record HeaderToSet(string Name, string Value);
