namespace Mailseal.Admin.Api.Bodies;

/// <summary>New-DkimSigningConfig; the key size defaults to 2048 bits as on the command line.</summary>
internal sealed record NewDkimKeyBody(string Domain, string Selector, int KeySizeBits = 2048);
