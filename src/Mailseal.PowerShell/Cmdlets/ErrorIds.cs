using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>FullyQualifiedErrorId prefixes for admin API refusals, e.g. "Validation.EmailText" or "NotFound".</summary>
internal static class ErrorIds
{
    public static string For(AdminApiException problem)
    {
        var kind = string.Concat(problem.Kind.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return problem.Field is null ? kind : $"{kind}.{problem.Field}";
    }
}
