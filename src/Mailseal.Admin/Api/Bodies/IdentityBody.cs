namespace Mailseal.Admin.Api.Bodies;

/// <summary>The body of get, remove, enable and disable: the object's name.</summary>
internal sealed record IdentityBody(string Identity);
