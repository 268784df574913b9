namespace Mailseal.Admin.Api.Bodies;

internal sealed record AddressBody(string Address);
