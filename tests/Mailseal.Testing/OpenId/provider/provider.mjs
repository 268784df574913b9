// A real OpenID provider on loopback for Mailseal's portal tests (node-oidc-provider).
//
// Protocol with the test fixture (tests/Mailseal.Testing/OpenId/OpenIdTestProvider.cs):
//   1. Listens on 127.0.0.1, port 0, and prints "listening <port>" on standard output.
//   2. Reads one JSON line on standard input: { client: { client_id, client_secret, redirect_uris },
//      accounts: { "<account id>": { "<claim>": <value>, ... } } }. The portal's redirect URIs are only
//      known once the portal has started, which needs the issuer first: hence the two steps.
//   3. Prints "ready" and serves the issuer http://127.0.0.1:<port>.
//   4. Exits when standard input closes, so no process outlives the fixture.
// Sign-in uses the library's development login form: the login field is the account id, any password.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

let provider;
const server = createServer((req, res) => {
  if (!provider) {
    res.writeHead(503).end();
    return;
  }
  provider.callback()(req, res);
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});

const lines = createInterface({ input: process.stdin });
lines.once('line', (line) => {
  const { client, accounts } = JSON.parse(line);
  provider = createProvider(`http://127.0.0.1:${server.address().port}`, client, accounts);
  console.log('ready');
});
lines.on('close', () => server.close(() => process.exit(0)));

function createProvider(issuer, client, accounts) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

  const configuration = {
    clients: [{
      ...client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Claims the test accounts may carry; xms_edov and tid are what Microsoft's issuers send (instead of
    // email_verified, and naming the tenant in a multi-tenant issuer).
    claims: {
      openid: ['sub', 'tid'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name', 'preferred_username'],
    },
    // Claims in the ID token as well as from userinfo, as Google and Microsoft send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // The portal is a first-party client here: a signed-in test account needs no consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      if (!claims) {
        return undefined;
      }
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  };

  const instance = new Provider(issuer, configuration);
  // A failed request is the test's business; the provider's console noise is not.
  instance.on('server_error', (_ctx, error) => console.error(`server_error ${error.message}`));
  return instance;
}
