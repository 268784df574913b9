namespace Mailseal.Core.Administration;

/// <summary>
/// A request the admin service refuses as given: <see cref="Field"/> names the parameter (Exchange's name,
/// e.g. "EmailText" or "ExceptIfSubjectContainsWords") and <see cref="Limit"/> says what it must be.
/// </summary>
public sealed class AdminValidationException : ArgumentException
{
    public AdminValidationException(string field, string limit)
        : base($"{field}: {limit}", field)
    {
        Field = field;
        Limit = limit;
    }

    public AdminValidationException(string field, string limit, Exception innerException)
        : base($"{field}: {limit}", field, innerException)
    {
        Field = field;
        Limit = limit;
    }

    public string Field { get; }

    /// <summary>"Field: limit", without the parameter suffix <see cref="ArgumentException"/> would add.</summary>
    public override string Message => $"{Field}: {Limit}";

    public string Limit { get; }
}
