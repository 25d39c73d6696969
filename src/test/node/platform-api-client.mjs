// Turso's own Platform API client (@tursodatabase/api, pinned in package.json) run against a server, printing
// what it parsed as one JSON line: TursoPlatformClientTest points it at the test's Platform API double, so the
// double answers what the real client asks, in shapes the real client reads.
// Usage: node platform-api-client.mjs NODE_MODULES BASE_URL ORG TOKEN GROUP
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [modules, baseUrl, org, token, group] = process.argv.slice(2);
const { createClient } = await import(pathToFileURL(join(modules, '@tursodatabase/api/dist/index.js')).href);
// The client resolves each request's path against config.baseUrl, "https://api.turso.tech/v1/" unless the
// config gives another (createClient spreads the config over that default).
const client = (o, t) => createClient({ org: o, token: t, baseUrl: baseUrl + '/v1/' });
const turso = client(org, token);
const refusal = async (call) => {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    return { status: e.status ?? null, message: e.message };
  }
};
const tokenOptions = { expiration: '1d', authorization: 'full-access' };
const out = {
  all: (await turso.databases.list()).map((d) => ({ name: d.name, id: d.id, hostname: d.hostname, group: d.group })),
  grouped: (await turso.databases.list({ group })).map((d) => d.name),
  jwt: (await turso.groups.createToken(group, tokenOptions)).jwt,
  wrongToken: await refusal(() => client(org, 'wrong-token').databases.list()),
  unknownOrg: await refusal(() => client('no-such-org', token).databases.list()),
  unknownGroup: await refusal(() => turso.databases.list({ group: 'no-such-group' })),
  unknownGroupToken: await refusal(() => turso.groups.createToken('no-such-group', tokenOptions)),
};
console.log(JSON.stringify(out));
