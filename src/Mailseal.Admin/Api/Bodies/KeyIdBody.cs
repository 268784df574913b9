namespace Mailseal.Admin.Api.Bodies;

internal sealed record KeyIdBody(string KeyId);
