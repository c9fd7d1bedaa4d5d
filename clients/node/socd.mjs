// socd: a dependency-free client for socd's JSON-RPC 2.0 API on its Unix socket.
//
//   import { connect } from './socd.mjs';
//   const client = await connect();                      // finds the socket as socctl does
//   await client.system.ping();                          // { pong: true }
//   await client.rules.add({ src: '198.51.100.7', action: 'drop', ttl: '1h' });
//   for await (const event of await client.subscribe(['rules'])) console.log(event.data);
//
// Methods come from openrpc.json (generated from socd's registry by `make openrpc`); error
// replies reject with a SocdError subclass chosen by data.kind.

import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';

/** The OpenRPC document this module was built with. */
export const document = JSON.parse(readFileSync(new URL('./openrpc.json', import.meta.url), 'utf8'));

/** An error reply: `code`, `message` and `data` as socd sent them. */
export class SocdError extends Error {
  constructor(code, message, data = {}, method = undefined) {
    super(method ? `${method}: ${message}` : message);
    this.name = new.target.name;
    this.code = code;
    this.rpcMessage = message;
    this.data = data ?? {};
    this.method = method;
  }
  get kind() { return this.constructor.kind; }
}

function errorClass(name, kind) {
  const cls = { [name]: class extends SocdError {} }[name];
  cls.kind = kind;
  return cls;
}

export const ParseError = errorClass('ParseError', 'parseError');
export const InvalidRequest = errorClass('InvalidRequest', 'invalidRequest');
export const MethodNotFound = errorClass('MethodNotFound', 'methodNotFound');
export const InvalidParams = errorClass('InvalidParams', 'invalidParams');
export const InternalError = errorClass('InternalError', 'internal');
export const NotFound = errorClass('NotFound', 'notFound');
export const Conflict = errorClass('Conflict', 'conflict');
export const PermissionDenied = errorClass('PermissionDenied', 'permissionDenied');
export const InvalidState = errorClass('InvalidState', 'invalidState');
export const StorageError = errorClass('StorageError', 'storage');
export const Overloaded = errorClass('Overloaded', 'overloaded');

/** Classes by data.kind; kinds a newer document names get one made here. */
export const errorClasses = Object.fromEntries(
  [ParseError, InvalidRequest, MethodNotFound, InvalidParams, InternalError, NotFound, Conflict,
    PermissionDenied, InvalidState, StorageError, Overloaded].map((cls) => [cls.kind, cls]));
for (const key of Object.keys(document.components?.errors ?? {})) {
  const kind = document.components.errors[key].data?.kind ?? key;
  if (!errorClasses[kind]) {
    const name = kind[0].toUpperCase() + kind.slice(1).replace(/[^0-9A-Za-z]/g, '');
    errorClasses[kind] = errorClass(name.endsWith('Error') ? name : `${name}Error`, kind);
  }
}

const kindByCode = { '-32700': 'parseError', '-32600': 'invalidRequest', '-32601': 'methodNotFound',
  '-32602': 'invalidParams', '-32603': 'internal' };

/** The error for a JSON-RPC error object: by data.kind, else by standard code. */
export function errorFromReply(error, method) {
  const cls = errorClasses[error?.data?.kind] ?? errorClasses[kindByCode[error?.code]] ?? SocdError;
  return new cls(error?.code, error?.message ?? '', error?.data, method);
}

/** No socd answers at the socket path. */
export class Unreachable extends Error { constructor(m) { super(m); this.name = 'Unreachable'; } }
/** socd closed the connection before replying; a write may or may not have happened. */
export class ConnectionLost extends Error { constructor(m) { super(m); this.name = 'ConnectionLost'; } }
/** No reply within the client's timeout. */
export class Timeout extends Error { constructor(m) { super(m); this.name = 'Timeout'; } }

/** Where the socket is, by the rules socd and socctl follow. */
export function resolveSocketPath(path, env = process.env, uid = os.userInfo().uid) {
  if (path) return path;
  if (env.SOCD_SOCKET) return env.SOCD_SOCKET;
  const runtime = (env.RUNTIME_DIRECTORY ?? '').split(':').filter(Boolean);
  if (runtime.length) return `${runtime[0]}/socd.sock`;
  if (uid === 0) return '/run/socd/socd.sock';
  if (env.XDG_RUNTIME_DIR) return `${env.XDG_RUNTIME_DIR}/socd/socd.sock`;
  return `/tmp/socd-${uid}/socd.sock`;
}

/** A socket that yields one parsed JSON value per line to `onMessage`. */
function openLineSocket(path, timeout, onMessage, onClose) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ path });
    let buffered = '';
    let connected = false;
    const timer = setTimeout(() => socket.destroy(new Error(`no connection within ${timeout} ms`)), timeout);
    socket.setEncoding('utf8');
    socket.once('connect', () => { connected = true; clearTimeout(timer); resolve(socket); });
    socket.on('data', (chunk) => {
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line) onMessage(JSON.parse(line));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (!connected) reject(new Unreachable(`cannot reach socd at ${path}: ${error.code ?? error.message}`));
    });
    socket.on('close', () => { if (connected) onClose(socket); });
  });
}

function bindParams(method, params = {}) {
  const known = new Map(method.params.map((param) => [param.name, param]));
  const unknown = Object.keys(params).filter((name) => !known.has(name));
  if (unknown.length) throw new TypeError(`${method.name}: unknown param(s) ${unknown.join(', ')}`);
  const missing = method.params.filter((param) => param.required && params[param.name] == null).map((p) => p.name);
  if (missing.length) throw new TypeError(`${method.name}: missing required param(s) ${missing.join(', ')}`);
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/**
 * One connection, opened by connect() and reopened on the next call if socd closed it.
 * Calls may be issued concurrently; socd answers a connection's requests in order.
 */
export class Client {
  #path; #timeout; #socket = null; #opening = null; #pending = new Map(); #nextId = 1;

  constructor({ path, timeout = 5000, api = document } = {}) {
    this.#path = resolveSocketPath(path);
    this.#timeout = timeout;
    this.api = api;
    for (const method of api.methods) {
      const dot = method.name.lastIndexOf('.');
      const namespace = method.name.slice(0, dot);
      const verb = method.name.slice(dot + 1);
      if (namespace in Client.prototype) throw new Error(`API namespace ${namespace} collides with a Client member`);
      this[namespace] ??= {};
      this[namespace][verb] = method.name === 'events.subscribe'
        // Events need a connection of their own, so that notifications never queue behind replies.
        ? (params) => this.subscribe(bindParams(method, params).topics)
        : (params) => this.call(method.name, bindParams(method, params));
    }
  }

  get path() { return this.#path; }

  async #connection() {
    if (this.#socket) return this.#socket;
    this.#opening ??= openLineSocket(this.#path, this.#timeout,
      (message) => this.#receive(message), (socket) => this.#closed(socket))
      .finally(() => { this.#opening = null; });
    this.#socket = await this.#opening;
    return this.#socket;
  }

  #receive(message) {
    if (message.id === undefined && message.method) return; // a notification: not subscribed here
    let entry = this.#pending.get(message.id);
    if (!entry && message.id === null) entry = this.#pending.values().next().value; // parse error
    if (!entry) return; // the reply to a call that already timed out
    this.#pending.delete(entry.id);
    clearTimeout(entry.timer);
    if (message.error) entry.reject(errorFromReply(message.error, entry.method));
    else entry.resolve(message.result);
  }

  #closed(socket) {
    if (socket !== this.#socket) return; // an earlier connection, replaced already
    this.#socket = null;
    for (const entry of this.#pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new ConnectionLost(`socd at ${this.#path} closed the connection`));
    }
    this.#pending.clear();
  }

  /** Calls `method` with params by name; resolves to its result. */
  async call(method, params = undefined) {
    const socket = await this.#connection();
    const id = this.#nextId++;
    const request = { jsonrpc: '2.0', id, method };
    if (params && Object.keys(params).length) request.params = params;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Timeout(`${method}: no reply within ${this.#timeout} ms`));
      }, this.#timeout);
      this.#pending.set(id, { id, method, resolve, reject, timer });
      socket.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Subscribes on a new connection; iterate with `for await` for events.event params. */
  subscribe(topics = undefined) {
    return Subscription.open(this.#path, this.#timeout, topics);
  }

  close() {
    this.#socket?.end();
    this.#socket = null;
  }
}

/** An async iterator of `{subscription, topic, data}`; ends when socd closes the connection. */
export class Subscription {
  #socket = null; #queue = []; #waiters = []; #ended = false; #reply;

  static async open(path, timeout, topics) {
    const subscription = new Subscription();
    await subscription.#start(path, timeout, topics);
    return subscription;
  }

  async #start(path, timeout, topics) {
    let settle;
    this.#reply = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this.#socket = await openLineSocket(path, timeout, (message) => {
      if (message.method === 'events.event' && message.id === undefined) this.#push(message.params);
      else if (message.id === 1) settle[message.error ? 'reject' : 'resolve'](message.error ? errorFromReply(message.error, 'events.subscribe') : message.result);
    }, () => {
      this.#ended = true;
      settle.reject(new ConnectionLost(`socd at ${path} closed the connection`));
      for (const waiter of this.#waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
    });
    const request = { jsonrpc: '2.0', id: 1, method: 'events.subscribe' };
    if (topics?.length) request.params = { topics: typeof topics === 'string' ? [topics] : topics };
    this.#socket.write(`${JSON.stringify(request)}\n`);
    const timer = setTimeout(() => settle.reject(new Timeout(`events.subscribe: no reply within ${timeout} ms`)), timeout);
    try {
      const result = await this.#reply;
      this.id = result.subscription;
      this.topics = result.topics;
    } catch (error) {
      this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #push(event) {
    const waiter = this.#waiters.shift();
    if (waiter) { clearTimeout(waiter.timer); waiter.resolve({ value: event, done: false }); } else this.#queue.push(event);
  }

  /** The next event; with `timeout` (ms) it rejects with Timeout when none comes in time. */
  next({ timeout } = {}) {
    if (this.#queue.length) return Promise.resolve({ value: this.#queue.shift(), done: false });
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject, timer: null };
      if (timeout !== undefined) {
        waiter.timer = setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          reject(new Timeout(`no event within ${timeout} ms`));
        }, timeout);
      }
      this.#waiters.push(waiter);
    });
  }

  async return() {
    this.close();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator]() { return this; }

  close() {
    this.#socket?.destroy();
  }
}

/** A connected Client: rejects with Unreachable when no socd answers at the socket. */
export async function connect(options = {}) {
  const client = new Client(options);
  await client.call('system.ping');
  return client;
}
