namespace Mailseal.Portal.Pages;

/// <summary>Which form the pass-code page shows.</summary>
public enum PassCodeStep
{
    Address,
    Code,
}
