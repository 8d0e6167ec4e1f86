/**
 * Identity over HTTP: API key → JWT and refresh; expired, forged, `alg: none`, wrong-audience
 * and revoked tokens refused; owner magic link by token and by code; select-agent downscoping;
 * scopes never mixed; rotate-key and key recovery invalidate every earlier session.
 */
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, expectError, expectList, expectOk, startServer } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
});
afterAll(() => h?.close());

const MIN = 60_000;
const codeOf = (body: string) => /enter this code: (\d{6})/.exec(body)![1];
const linkOf = (body: string) => /Magic link token: (\S+)/.exec(body)![1];

describe('agent tokens', () => {
  let a: Agent;
  beforeAll(async () => {
    a = await h.agent('tokened');
  });

  it('exchanges a key; refuses unknown, malformed and mismatched-owner keys', async () => {
    const t = expectOk(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: a.key } }));
    expect(t.expires_at).toBe(new Date(h.clock.now() - (h.clock.now() % 1000) + 3600_000).toISOString());
    expectOk(await h.api('GET', '/v1/agents/me', { token: t.token }));
    expectError(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: 'vxp_live_nope' } }), 401, 'unauthorized');
    const forged = a.key.slice(0, -7) + (a.key.at(-7) === 'a' ? 'b' : 'a') + a.key.slice(-6);
    expectError(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: forged } }), 401, 'unauthorized');
    const e = expectError(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: a.key, owner_email: 'someone-else@test.example' } }), 401, 'unauthorized');
    expect(e.field).toBe('owner_email');
    expectError(await h.api('POST', '/v1/agents/auth/token', { body: {} }), 400, 'validation_error');
  });

  it('refuses missing, malformed and API-key bearers on /v1 with WWW-Authenticate', async () => {
    let r = await h.api('GET', '/v1/agents/me');
    expectError(r, 401, 'unauthorized');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="voxpact"');
    r = await h.api('GET', '/v1/agents/me', { headers: { Authorization: `Basic ${a.key}` } });
    expectError(r, 401, 'unauthorized');
    r = await h.api('GET', '/v1/agents/me', { token: a.key });
    expect(expectError(r, 401, 'invalid_token').message).toMatch(/auth\/token/);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="voxpact", error="invalid_token"/);
  });

  it('expires after one hour (injected clock); refresh before expiry gives a fresh hour', async () => {
    const t0 = await h.tokenFor(a.key);
    h.clock.advance(50 * MIN);
    const fresh = expectOk(await h.api('POST', '/v1/agents/auth/refresh', { token: t0 }));
    expect(fresh.scope).toBe('agent');
    h.clock.advance(11 * MIN);
    const r = await h.api('GET', '/v1/agents/me', { token: t0 });
    expectError(r, 401, 'token_expired');
    expect(r.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expectError(await h.api('POST', '/v1/agents/auth/refresh', { token: t0 }), 401, 'token_expired');
    expectOk(await h.api('GET', '/v1/agents/me', { token: fresh.token }));
    h.clock.advance(50 * MIN);
    expectError(await h.api('GET', '/v1/agents/me', { token: fresh.token }), 401, 'token_expired');
  });

  it('refuses a wrong signature, another secret, alg none and a foreign audience', async () => {
    const good = await h.tokenFor(a.key);
    const [head, payload, sig] = good.split('.');
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expectError(await h.api('GET', '/v1/agents/me', { token: `${head}.${payload}.${flipped}` }), 401, 'invalid_token');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const other = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    expectError(await h.api('GET', '/v1/agents/me', { token: other }), 401, 'invalid_token');
    const none = new UnsecuredJWT(claims).encode();
    expectError(await h.api('GET', '/v1/agents/me', { token: none }), 401, 'invalid_token');
    // the right secret but a header claiming alg none is still refused
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectError(await h.api('GET', '/v1/agents/me', { token: `${noneHeader}.${payload}.` }), 401, 'invalid_token');
    expectError(await h.api('GET', '/v1/agents/me', { token: 'not.a.jwt' }), 401, 'invalid_token');
  });

  it('rotate-key: the new key is mailed; the old key and every earlier JWT are refused', async () => {
    const b = await h.agent('rotator');
    const before = b.token;
    const r = await h.api('POST', '/v1/agents/rotate-key', { token: before });
    const data = expectOk(r);
    expect(data.agent_id).toBe(b.id);
    expect(r.body.message).toBe('New API key sent to owner email. All sessions invalidated.');
    expect(JSON.stringify(r.body)).not.toMatch(/vxp_live_/);
    const newKey = /(vxp_live_\w+)/.exec(h.lastMail(b.email)!.body)![1];
    expect(newKey).not.toBe(b.key);
    expectError(await h.api('GET', '/v1/agents/me', { token: before }), 401, 'token_revoked');
    expectError(await h.api('POST', '/v1/agents/auth/refresh', { token: before }), 401, 'token_revoked');
    expectError(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: b.key } }), 401, 'unauthorized');
    const t = expectOk(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: newKey } }));
    expect(expectOk(await h.api('GET', '/v1/agents/me', { token: t.token })).id).toBe(b.id);
  });
});

describe('owners: magic link, select-agent, scopes', () => {
  const email = 'Owner@Test.Example';
  let one: Agent;
  let two: Agent;
  let foreign: Agent;
  beforeAll(async () => {
    one = await h.agent('owned-one', { email });
    two = await h.agent('owned-two', { email });
    foreign = await h.agent('someone-elses');
  });

  async function ownerToken(): Promise<string> {
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } }));
    return expectOk(await h.api('POST', '/v1/owners/auth/verify', { body: { token: linkOf(h.lastMail(email)!.body) } })).token;
  }

  it('verifies by link token, once; the owner lists its agents', async () => {
    const r = expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } }));
    expect(r.expires_in).toBe(900);
    const link = linkOf(h.lastMail(email)!.body);
    const t = expectOk(await h.api('POST', '/v1/owners/auth/verify', { body: { token: link } }));
    expect(t).toMatchObject({ scope: 'owner', token_type: 'Bearer' });
    expect(t.owner_id).toMatch(/^own_/);
    expect(expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { token: link } }), 401, 'invalid_token').message).toMatch(/already used/);
    const agents = expectList(await h.api('GET', '/v1/owners/me/agents', { token: t.token }));
    expect(agents.items.map((x: { id: string }) => x.id)).toEqual([one.id, two.id]);
    expect(agents.items[0]).toMatchObject({ name: 'owned-one', status: 'active', level: 'silver' });
  });

  it('verifies by email + code; codes are single-use and wrong guesses are bounded', async () => {
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } }));
    const code = codeOf(h.lastMail(email)!.body);
    const wrong = code === '000000' ? '111111' : '000000';
    const e = expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code: wrong } }), 401, 'invalid_code');
    expect(e.message).toMatch(/4 attempt\(s\) left/);
    expect(expectOk(await h.api('POST', '/v1/owners/auth/verify', { body: { email: email.toLowerCase(), code } })).scope).toBe('owner');
    expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code } }), 401, 'invalid_code');

    // five wrong guesses burn the code: the right one no longer works
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } }));
    const code2 = codeOf(h.lastMail(email)!.body);
    const wrong2 = code2 === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code: wrong2 } }), 401, 'invalid_code');
    expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code: code2 } }), 401, 'invalid_code');
  });

  it('links expire after 15 minutes; malformed requests name the field', async () => {
    h.clock.advance(61 * MIN); // a fresh hour of link requests
    expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } }));
    const mail = h.lastMail(email)!.body;
    h.clock.advance(16 * MIN);
    expect(expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { token: linkOf(mail) } }), 401, 'invalid_token').message).toMatch(/expired/);
    expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code: codeOf(mail) } }), 401, 'invalid_code');
    expect(expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email } }), 400, 'validation_error').field).toBe('code');
    expect(expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email, code: '12ab56' } }), 400, 'validation_error').field).toBe('code');
    expectError(await h.api('POST', '/v1/owners/auth/verify', { body: {} }), 400, 'validation_error');
  });

  it('answers the same for an unknown email (no mail), and bounds requests per email', async () => {
    const before = h.engine.outbox().length;
    const r = expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: 'nobody@test.example' } }));
    expect(r.message).toMatch(/If this email owns/);
    expect(h.engine.outbox().length).toBe(before);
    expectError(await h.api('POST', '/v1/owners/auth/verify', { body: { email: 'nobody@test.example', code: '123456' } }), 401, 'invalid_code');
    for (let i = 0; i < 4; i++) expectOk(await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: 'nobody@test.example' } }));
    const limited = await h.api('POST', '/v1/owners/auth/magic-link', { body: { email: 'nobody@test.example' } });
    expect(expectError(limited, 429, 'rate_limited').retry_after).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('select-agent downscopes to the owner\'s own agents only; scopes never mix', async () => {
    h.clock.advance(61 * MIN);
    const owner = await ownerToken();
    one.token = await h.tokenFor(one.key);
    // owner token on agent routes, agent token on owner routes
    expect(expectError(await h.api('GET', '/v1/agents/me', { token: owner }), 403, 'wrong_scope').message).toMatch(/select-agent/);
    expectError(await h.api('GET', '/v1/jobs', { token: owner }), 403, 'wrong_scope');
    expectError(await h.api('GET', '/v1/owners/me/agents', { token: one.token }), 403, 'wrong_scope');
    expectError(await h.api('POST', '/v1/owners/auth/select-agent', { token: one.token, body: { agent_id: two.id } }), 403, 'wrong_scope');
    expectError(await h.api('POST', '/v1/owners/auth/select-agent', { token: owner, body: { agent_id: foreign.id } }), 404, 'not_found');
    expectError(await h.api('POST', '/v1/owners/auth/select-agent', { token: owner, body: { agent_id: 'nope' } }), 400, 'validation_error');
    const scoped = expectOk(await h.api('POST', '/v1/owners/auth/select-agent', { token: owner, body: { agent_id: two.id } }));
    expect(scoped).toMatchObject({ scope: 'agent', agent_id: two.id });
    expect(expectOk(await h.api('GET', '/v1/agents/me', { token: scoped.token })).id).toBe(two.id);
    // refresh keeps the scope
    expect(expectOk(await h.api('POST', '/v1/agents/auth/refresh', { token: owner })).scope).toBe('owner');
  });

  it('an owner deletes its own agents, not others\'', async () => {
    const spare = await h.agent('spare', { email });
    const owner = await ownerToken();
    expectError(await h.api('DELETE', `/v1/agents/${foreign.id}`, { token: owner }), 404, 'not_found');
    expect(expectOk(await h.api('DELETE', `/v1/agents/${spare.id}`, { token: owner })).deleted).toBe(true);
  });
});

describe('key recovery', () => {
  it('mails a 15-minute token once per 24 h; confirming mails a new key and ends every session', async () => {
    const a = await h.agent('forgetful');
    const oldJwt = a.token;
    const r = expectOk(await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id } }));
    expect(r.message).toMatch(/15 minutes/);
    const token = /Recovery token: (\S+)/.exec(h.lastMail(a.email)!.body)![1];

    const again = await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id } });
    const e = expectError(again, 429, 'rate_limited');
    expect(e.retry_after).toBe(24 * 3600);
    expect(again.headers.get('retry-after')).toBe(String(24 * 3600));

    expectError(await h.api('POST', '/v1/agents/confirm-recovery', { body: { token: 'vxr_wrong' } }), 400, 'invalid_token');
    const ok = expectOk(await h.api('POST', '/v1/agents/confirm-recovery', { body: { token } }));
    expect(ok).toEqual({ agent_id: a.id, message: 'New API key sent to owner email. All sessions invalidated.' });
    const newKey = /(vxp_live_\w+)/.exec(h.lastMail(a.email)!.body)![1];
    expect(newKey).not.toBe(a.key);
    expectError(await h.api('GET', '/v1/agents/me', { token: oldJwt }), 401, 'token_revoked');
    expectError(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: a.key } }), 401);
    expectOk(await h.api('POST', '/v1/agents/auth/token', { body: { api_key: newKey } }));
    expect(expectError(await h.api('POST', '/v1/agents/confirm-recovery', { body: { token } }), 400, 'invalid_token').message).toMatch(/already used/);

    h.clock.advance(24 * 3600_000 + 1000);
    expectOk(await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email, agent_id: a.id } }));
    const late = /Recovery token: (\S+)/.exec(h.lastMail(a.email)!.body)![1];
    h.clock.advance(16 * MIN);
    expect(expectError(await h.api('POST', '/v1/agents/confirm-recovery', { body: { token: late } }), 400, 'invalid_token').message).toMatch(/expired/);
  });

  it('says the same for an email that does not own the agent, mails nothing, and still counts', async () => {
    const a = await h.agent('victim');
    const before = h.engine.outbox().length;
    expectOk(await h.api('POST', '/v1/agents/recover-key', { body: { email: 'attacker@test.example', agent_id: a.id } }));
    expect(h.engine.outbox().length).toBe(before);
    expectError(await h.api('POST', '/v1/agents/recover-key', { body: { email: 'attacker@test.example', agent_id: a.id } }), 429, 'rate_limited');
    expectError(await h.api('POST', '/v1/agents/recover-key', { body: { email: a.email } }), 400, 'validation_error');
  });
});
