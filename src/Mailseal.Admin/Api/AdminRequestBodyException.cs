namespace Mailseal.Admin.Api;

/// <summary>The request body is not the JSON the route takes (HTTP 400, kind validation, field "Body").</summary>
internal sealed class AdminRequestBodyException : Exception
{
    public AdminRequestBodyException(string message)
        : base(message)
    {
    }

    public AdminRequestBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
