namespace Mailseal.PowerShell.Client;

/// <summary>The members of the admin API's application/problem+json answers that the module reads.</summary>
internal sealed record AdminApiProblem(string? Title, string? Detail, string? Kind, string? Field, string? Limit);
