namespace Mailseal.Core.Administration;

/// <summary>The object a New request names exists already (HTTP 409; ResourceExists in PowerShell).</summary>
public sealed class AdminConflictException : InvalidOperationException
{
    public AdminConflictException(string kind, string identity)
        : base($"The {kind} \"{identity}\" exists already.")
    {
        Kind = kind;
        Identity = identity;
    }

    public string Kind { get; }

    public string Identity { get; }
}
