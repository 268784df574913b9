namespace Mailseal.Gateway.Front;

/// <summary>The one account that may authenticate on Submission listeners (the portal). Never logged.</summary>
public sealed class SubmissionCredentialsOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    internal bool IsConfigured => !string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password);
}
