// The node client against a real socd: the shared scenario, errors, pipelining, timeouts.
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { after, before, test } from 'node:test';

import * as socd from '../socd.mjs';
import { startDaemon } from './daemon.mjs';

let daemon;
let client;

before(async () => {
  daemon = await startDaemon();
  client = await socd.connect({ path: daemon.socketPath });
});

after(async () => {
  client?.close();
  assert.equal(await daemon.stop(), 0, 'socd must exit 0 on SIGTERM');
});

test('scenario: ping, add a rule, list it, receive a rules event, typed error for bad params', async () => {
  assert.deepEqual(await client.system.ping(), { pong: true });
  const events = await client.subscribe(['rules']);
  assert.deepEqual(events.topics, ['rules']);
  const added = await client.rules.add({ src: '198.51.100.7', dst: '10.0.0.10', dport: 80, action: 'drop', comment: 'node scenario' });
  assert.equal(added.outcome, 'created');
  const { rule } = added;
  assert.deepEqual([rule.src, rule.dst, rule.dport, rule.action], ['198.51.100.7', '10.0.0.10', 80, 'DROP']);
  const listed = await client.rules.list({ comment: 'node scenario' });
  assert.deepEqual(listed.rules.map((r) => r.id), [rule.id]);
  for await (const event of events) {
    assert.equal(event.topic, 'rules');
    assert.equal(event.subscription, events.id);
    assert.deepEqual(event.data, { event: 'created', rule });
    break; // leaving the loop closes the subscription
  }
  await assert.rejects(client.rules.add({ src: 'not-an-address', action: 'drop' }), (error) => {
    assert.ok(error instanceof socd.InvalidParams && error instanceof socd.SocdError);
    assert.equal(error.code, -32602);
    assert.equal(error.data.field, 'src');
    assert.equal(error.kind, 'invalidParams');
    return true;
  });
});

test('every method of the document has a proxy', () => {
  for (const method of socd.document.methods) {
    const dot = method.name.lastIndexOf('.');
    assert.equal(typeof client[method.name.slice(0, dot)][method.name.slice(dot + 1)], 'function', method.name);
  }
});

test('proxies reject unknown and missing params before sending', async () => {
  assert.throws(() => client.rules.add({ source: '192.0.2.1', action: 'drop' }), TypeError);
  assert.throws(() => client.rules.get({}), /missing required param\(s\) id/);
  await assert.rejects(client.call('rules.add', { source: '192.0.2.1', action: 'drop' }), (error) => error instanceof socd.InvalidParams && error.data.field === 'source');
});

test('error kinds map to their classes', async () => {
  await assert.rejects(client.rules.get({ id: 4242 }), (error) => error instanceof socd.NotFound && error.data.id === 4242);
  await assert.rejects(client.call('rules.explode'), socd.MethodNotFound);
  const backup = path.join(daemon.work, 'copy.db');
  assert.equal((await client.system.backup({ path: backup })).path, backup);
  await assert.rejects(client.system.backup({ path: backup }), socd.Conflict);
  for (const [key, error] of Object.entries(socd.document.components.errors)) {
    const made = socd.errorFromReply({ code: error.code, message: 'm', data: { kind: key } });
    assert.notEqual(made.constructor, socd.SocdError, key);
    assert.equal(made.kind, key);
  }
  assert.ok(socd.errorFromReply({ code: -32006, message: 'busy', data: { kind: 'overloaded' } }) instanceof socd.Overloaded);
  assert.ok(socd.errorFromReply({ code: -32005, message: 'disk', data: { kind: 'storage' } }) instanceof socd.StorageError);
});

test('concurrent calls share one connection and each gets its own reply', async () => {
  const before = (await client.system.status()).connectionsTotal;
  const sources = Array.from({ length: 25 }, (_, i) => `192.0.2.${100 + i}`);
  const results = await Promise.all(sources.map((src) => client.rules.add({ src, action: 'reject' })));
  assert.deepEqual(results.map((r) => r.rule.src), sources);
  assert.equal((await client.system.status()).connectionsTotal, before);
});

test('a call to a silent server times out', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'socd-silent-'));
  const silentPath = path.join(dir, 'silent.sock');
  const held = [];
  const server = net.createServer((socket) => held.push(socket)).listen(silentPath);
  await new Promise((resolve) => server.once('listening', resolve));
  const silent = new socd.Client({ path: silentPath, timeout: 200 });
  const started = Date.now();
  await assert.rejects(silent.system.ping(), socd.Timeout);
  assert.ok(Date.now() - started >= 190);
  silent.close();
  held.forEach((socket) => socket.destroy());
  server.close();
});

test('an absent socket is Unreachable', async () => {
  await assert.rejects(socd.connect({ path: '/nonexistent/socd.sock' }), socd.Unreachable);
});

test('a subscription wait can be bounded and the iterator ends when closed', async () => {
  const events = await client.events.subscribe({ topics: ['system'] });
  await assert.rejects(events.next({ timeout: 100 }), socd.Timeout);
  events.close();
  assert.deepEqual(await events.next(), { value: undefined, done: true });
});

test('the socket path is found as socctl finds it', () => {
  const resolve = socd.resolveSocketPath;
  assert.equal(resolve('/x.sock', { SOCD_SOCKET: '/y' }, 1000), '/x.sock');
  assert.equal(resolve(undefined, { SOCD_SOCKET: '/y', RUNTIME_DIRECTORY: '/r' }, 1000), '/y');
  assert.equal(resolve(undefined, { RUNTIME_DIRECTORY: '/r1:/r2' }, 0), '/r1/socd.sock');
  assert.equal(resolve(undefined, { XDG_RUNTIME_DIR: '/run/user/1000' }, 0), '/run/socd/socd.sock');
  assert.equal(resolve(undefined, { XDG_RUNTIME_DIR: '/run/user/1000' }, 1000), '/run/user/1000/socd/socd.sock');
  assert.equal(resolve(undefined, {}, 1000), '/tmp/socd-1000/socd.sock');
});

test('methods follow the document they are given', () => {
  const api = structuredClone(socd.document);
  api.methods.push({ name: 'incidents.open', params: [{ name: 'title', required: true, schema: { type: 'string' } }], result: { name: 'result', schema: {} } });
  const custom = new socd.Client({ path: '/nonexistent', api });
  assert.equal(typeof custom.incidents.open, 'function');
  assert.throws(() => custom.incidents.open({}), /title/);
});
