namespace Mailseal.Testing.OpenId;

/// <summary>The client the loopback provider knows: the portal, with the callback URIs it listens on.</summary>
public sealed record OpenIdTestClient(string ClientId, string ClientSecret, IReadOnlyList<Uri> RedirectUris);
