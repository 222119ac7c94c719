// SPDX-License-Identifier: MIT
// The chat's tagged rendering over the server's WebSocket (docs/PROTOCOL.md, "The tagged
// rendering"; docs/WEB.md): parsing lines into typed events, logging in, and coming back after
// a dropped connection or a server restart without missing a line. No DOM here: the page
// (app.js) listens to the events this connection dispatches.

// Escaped field → text: \\ \s \r \n \t \xHH, and a field that is exactly \- is empty.
export function unescapeField(field) {
  if (field === '\\-') return '';
  return field.replace(/\\(x[0-9A-Fa-f]{2}|.)/g, (whole, code) => {
    switch (code[0]) {
      case '\\': return '\\';
      case 's': return ' ';
      case 'r': return '\r';
      case 'n': return '\n';
      case 't': return '\t';
      case 'x': return String.fromCharCode(parseInt(code.slice(1), 16));
      default: return whole;
    }
  });
}

// line = kind SP time SP label *( SP field ); null when the line is not tagged.
export function parseLine(line) {
  const parts = line.split(' ');
  if (parts.length < 3 || !/^[a-z]+$/.test(parts[0]) || !/^\d{4}-\d\d-\d\dT/.test(parts[1])) return null;
  const label = parts[2] === '\\-' ? '' : parts[2];
  return { kind: parts[0], time: new Date(parts[1]), label, fields: parts.slice(3).map(unescapeField) };
}

// Pairs or triples of a list field: [[a, b], [c, d]] from [a, b, c, d].
export function groups(fields, size) {
  const result = [];
  for (let i = 0; i + size <= fields.length; i += size) result.push(fields.slice(i, i + size));
  return result;
}

const StopReasons = new Set(['logout', 'resumed', 'disconnect', 'password']);
const MaxBackoffMs = 15000;
// Lines asked for per history request when catching up after a restart (the protocol's most).
const CatchUpPage = 1000;

// One person's connection: dispatches 'event' (detail: a parsed line), 'state' (detail:
// connecting, open, reconnecting, closed), 'loggedin' (detail: {nick, resumed}) and
// 'loginfailed' (detail: the error event).
export class ChatConnection extends EventTarget {
  constructor(url) {
    super();
    this.url = url;
    this.socket = null;
    this.nick = '';
    this.password = '';
    this.serverPassword = '';
    this.token = '';
    this.loggedIn = false;
    this.stopped = false;
    this.backoffMs = 1000;
    this.nextLabel = 1;
    // Where this person stands: the last sequence number seen per room, the last private id,
    // the rooms and private peers they are in. What resume and the catch-up after a restart
    // ask the server for.
    this.lastSeq = new Map();
    this.lastPrivateId = 0;
    this.rooms = new Set();
    this.peers = new Set();
    this.catchingUp = false;
  }

  // Opens the socket and logs in as nick.
  start(nick, password, serverPassword) {
    this.nick = nick;
    this.password = password || '';
    this.serverPassword = serverPassword || '';
    this.stopped = false;
    this.open();
  }

  open() {
    this.state('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.backoffMs = 1000;
      socket.send('set tagged on');
    });
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped || !this.loggedIn) {
        this.state('closed');
        return;
      }
      this.state('reconnecting');
      setTimeout(() => this.open(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MaxBackoffMs);
    });
  }

  state(name) {
    this.dispatchEvent(new CustomEvent('state', { detail: name }));
  }

  // Sends a command with a label of its own; returns the label.
  command(text, prefix = 'c') {
    const label = prefix + this.nextLabel++;
    this.sendRaw('@' + label + ' ' + text);
    return label;
  }

  sendRaw(text) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  logout() {
    this.stopped = true;
    this.sendRaw('logout');
  }

  login() {
    if (this.serverPassword) this.command('pass ' + this.serverPassword, 'p');
    this.command('login ' + this.nick + (this.password ? ' ' + this.password : ''), 'login');
  }

  resume() {
    const positions = [...this.lastSeq].map(([room, seq]) => room + ':' + seq);
    positions.push('@:' + this.lastPrivateId);
    this.command(['resume', this.token, ...positions].join(' '), 'resume');
  }

  receive(line) {
    const event = parseLine(line);
    if (!event) return; // the greeting before "set tagged on" is for people
    switch (event.kind) {
      case 'welcome':
        if (this.token) this.resume();
        else this.login();
        return;
      case 'ping':
        this.sendRaw('pong ' + (event.fields[0] || ''));
        return;
      case 'ok':
        if (event.fields[0] === 'login' || event.fields[0] === 'resume') this.accepted(event);
        break;
      case 'error':
        if (this.rejected(event)) return;
        break;
      case 'bye':
        if (StopReasons.has(event.fields[0])) this.stopped = true;
        break;
      default:
        this.track(event);
    }
    this.dispatchEvent(new CustomEvent('event', { detail: event }));
  }

  accepted(event) {
    const [command, nick, token] = event.fields;
    const resumed = command === 'resume';
    const again = this.loggedIn && !resumed; // the server restarted: the person is new there
    this.nick = nick;
    this.token = token || '';
    this.loggedIn = true;
    this.dispatchEvent(new CustomEvent('loggedin', { detail: { nick, resumed } }));
    if (again) this.catchUp();
  }

  // A login or resume refused. Returns true when it was handled here.
  rejected(event) {
    const [code] = event.fields;
    if (event.label.startsWith('resume') && code === '490') {
      // The token is gone (a server restart, or the grace period passed): log in again.
      this.token = '';
      this.login();
      return true;
    }
    if (event.label.startsWith('login') && !this.loggedIn) {
      this.stopped = true;
      this.socket?.close();
      this.dispatchEvent(new CustomEvent('loginfailed', { detail: event }));
      return true;
    }
    return false;
  }

  // After logging in again on a restarted server: the same rooms, and every line since the
  // last one seen, from the history.
  catchUp() {
    this.catchingUp = true;
    for (const room of this.rooms) {
      if (room !== 'hall') this.command('join ' + room, 'rejoin');
      this.command('history ' + room + ' ' + CatchUpPage + ' after ' + (this.lastSeq.get(room) || 0), 'catchup');
    }
    for (const peer of this.peers)
      this.command('history @' + peer + ' ' + CatchUpPage + ' after ' + this.lastPrivateId, 'catchup');
  }

  // Keeps the positions resume and catch-up need.
  track(event) {
    const f = event.fields;
    switch (event.kind) {
      case 'message':
      case 'action':
      case 'note':
      case 'topicchanged': {
        const seq = Number(f[2]);
        if (seq > (this.lastSeq.get(f[1]) || 0)) this.lastSeq.set(f[1], seq);
        break;
      }
      case 'private':
      case 'privatenote': {
        this.lastPrivateId = Math.max(this.lastPrivateId, Number(f[0]));
        this.peers.add(f[1] === this.nick ? f[2] : f[1]);
        break;
      }
      case 'join':
        if (f[1] === this.nick) this.rooms.add(f[0]);
        break;
      case 'leave':
        if (f[1] === this.nick) {
          this.rooms.delete(f[0]);
          this.lastSeq.delete(f[0]);
        }
        break;
      case 'nick':
        if (f[0] === this.nick) this.nick = f[1];
        break;
      case 'historyend':
        // A catch-up longer than a page goes on where this one stopped.
        if (event.label.startsWith('catchup') && f[4] === 'after')
          this.command('history ' + (f[0] || '@' + f[1]) + ' ' + CatchUpPage + ' after ' + f[5], 'catchup');
        break;
    }
  }
}
