namespace Mailseal.Core.Administration;

/// <summary>The object a request names does not exist (HTTP 404; a terminating ObjectNotFound error in PowerShell).</summary>
public sealed class AdminObjectNotFoundException : InvalidOperationException
{
    public AdminObjectNotFoundException(string kind, string identity)
        : base($"There is no {kind} \"{identity}\".")
    {
        Kind = kind;
        Identity = identity;
    }

    public string Kind { get; }

    public string Identity { get; }
}
