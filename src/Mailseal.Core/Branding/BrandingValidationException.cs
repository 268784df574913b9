namespace Mailseal.Core.Branding;

/// <summary>A branding value breaks a limit; names the field and the limit so an administrator can fix it.</summary>
public sealed class BrandingValidationException : ArgumentException
{
    public BrandingValidationException(string field, string limit)
        : base($"{field}: {limit}", field)
    {
        Field = field;
        Limit = limit;
    }

    public string Field { get; }

    public string Limit { get; }
}
