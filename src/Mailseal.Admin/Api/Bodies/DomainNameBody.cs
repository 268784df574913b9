namespace Mailseal.Admin.Api.Bodies;

internal sealed record DomainNameBody(string DomainName);
