// SPDX-License-Identifier: MIT
// The browser client's page: the login form, the conversations (rooms and private ones) with
// their unread counts and mentions, the messages of the one shown, with older ones loaded as
// you scroll up, and its people. Everything another person wrote goes in with textContent,
// never as markup. Events come typed from chat.js; no English prose from the server is parsed.
import { ChatConnection, groups } from './chat.js';
import { pickLanguage, translate } from './strings.js';

const language = pickLanguage(navigator.languages || [navigator.language]);
const tr = (key, values) => translate(language, key, values);
const $ = (id) => document.getElementById(id);
// Lines asked for when scrolling up.
const OlderPage = 50;

// One conversation: a room ('#name') or a private one ('@nick').
class Conversation {
  constructor(key) {
    this.key = key;
    this.isRoom = key.startsWith('#');
    this.name = key.slice(1);
    this.entries = []; // sorted by order: stored lines by id, notices after the line before them
    this.ids = new Set();
    this.members = new Map(); // nick → flags
    this.topic = '';
    this.unread = 0;
    this.mentions = 0;
    this.firstUnread = null; // order of the first line not yet seen
    this.complete = false; // nothing older to load
    this.loadingOlder = false;
  }

  lastOrder() {
    return this.entries.length ? this.entries[this.entries.length - 1].order : 0;
  }

  // Adds an entry in order; false when a stored line is already here.
  add(entry) {
    if (entry.id) {
      if (this.ids.has(entry.id)) return false;
      this.ids.add(entry.id);
      entry.order = entry.id;
    } else {
      entry.order = this.lastOrder() + 1e-6;
    }
    let at = this.entries.length;
    while (at > 0 && this.entries[at - 1].order > entry.order) --at;
    this.entries.splice(at, 0, entry);
    return true;
  }

  // The position of the oldest stored line: a room's sequence number, a private line's id.
  oldest() {
    const stored = this.entries.find((entry) => entry.id);
    return stored ? (this.isRoom ? stored.seq : stored.id) : 0;
  }
}

const connection = new ChatConnection(
  (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat');
const conversations = new Map();
let active = null;
let batch = null; // the history batch being received: {key, label, older}
const listings = new Map(); // label → {what, items}

function conversation(key) {
  let found = conversations.get(key);
  if (!found) {
    found = new Conversation(key);
    conversations.set(key, found);
    renderConversationList();
  }
  return found;
}

function roomKey(room) {
  return '#' + room;
}

// --- Rendering ---------------------------------------------------------------------------

function timeText(date) {
  return date.toLocaleTimeString(language === 'zh_CN' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' });
}

function entryElement(entry) {
  const item = document.createElement('li');
  item.className = 'entry ' + entry.kind + (entry.mention ? ' mention' : '');
  const time = document.createElement('time');
  time.dateTime = entry.time.toISOString();
  time.textContent = timeText(entry.time);
  item.append(time);
  if (entry.kind === 'message' || entry.kind === 'action' || entry.kind === 'note') {
    const nick = document.createElement('span');
    nick.className = 'nick';
    nick.textContent = entry.kind === 'action' ? '* ' + entry.nick : entry.kind === 'note' ? '-' + entry.nick + '-' : entry.nick;
    item.append(nick);
  }
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = entry.text;
  item.append(text);
  return item;
}

function markerElement() {
  const marker = document.createElement('li');
  marker.className = 'unread-marker';
  marker.textContent = tr('newMessages');
  return marker;
}

function renderMessages(keepFromBottom) {
  const list = $('messages');
  const fromBottom = list.scrollHeight - list.scrollTop;
  list.replaceChildren();
  if (!active) return;
  if (active.complete) {
    const start = document.createElement('li');
    start.className = 'entry beginning';
    start.textContent = tr('olderNone');
    list.append(start);
  }
  let marker = null;
  for (const entry of active.entries) {
    if (!marker && active.firstUnread !== null && entry.order >= active.firstUnread) {
      marker = markerElement();
      list.append(marker);
    }
    list.append(entryElement(entry));
  }
  if (keepFromBottom) list.scrollTop = list.scrollHeight - fromBottom;
  else if (marker) marker.scrollIntoView({ block: 'center' });
  else list.scrollTop = list.scrollHeight;
  if (list.scrollHeight <= list.clientHeight) loadOlder(active);
}

function appendEntry(entry) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  if (entry.order !== active.lastOrder()) return renderMessages(true);
  if (active.firstUnread === entry.order) list.append(markerElement());
  list.append(entryElement(entry));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function renderConversationList() {
  const list = $('conversation-list');
  list.replaceChildren();
  const sorted = [...conversations.values()].sort((a, b) =>
    a.isRoom !== b.isRoom ? (a.isRoom ? -1 : 1) : a.name.localeCompare(b.name));
  for (const item of sorted) {
    const row = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'conversation' + (item === active ? ' active' : '') + (item.mentions ? ' mentioned' : '');
    button.dataset.key = item.key;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = item.isRoom ? '#' + item.name : '@' + item.name;
    button.append(name);
    if (item.unread) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = String(item.mentions ? item.mentions : item.unread);
      badge.title = tr('unreadLabel', { count: item.unread });
      button.append(badge);
    }
    button.addEventListener('click', () => select(item));
    row.append(button);
    list.append(row);
  }
}

function flagText(flags) {
  const names = { op: 'flagOp', owner: 'flagOwner', away: 'flagAway', reconnecting: 'flagReconnecting', muted: 'flagMuted' };
  return flags.split(',').filter((flag) => names[flag]).map((flag) => tr(names[flag])).join(', ');
}

function renderPeople() {
  const list = $('people-list');
  list.replaceChildren();
  if (!active || !active.isRoom) return;
  const nicks = [...active.members.keys()].sort((a, b) => a.localeCompare(b));
  for (const nick of nicks) {
    const row = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'person';
    button.textContent = nick;
    const flags = flagText(active.members.get(nick));
    if (flags) {
      const small = document.createElement('small');
      small.textContent = '(' + flags + ')';
      button.append(small);
    }
    if (nick !== connection.nick) button.addEventListener('click', () => select(conversation('@' + nick)));
    row.append(button);
    list.append(row);
  }
}

function renderHeading() {
  $('conversation-title').textContent = active ? (active.isRoom ? '#' + active.name : '@' + active.name) : '';
  $('conversation-topic').textContent = !active ? '' : active.isRoom ? active.topic : tr('privateHint', { nick: active.name });
}

function select(item) {
  if (active && active !== item) active.firstUnread = null; // the marker is for one visit
  active = item;
  item.unread = 0;
  item.mentions = 0;
  document.body.classList.remove('show-sidebar', 'show-people');
  if (item.isRoom) connection.command('switch ' + item.name, 'x');
  renderConversationList();
  renderHeading();
  renderPeople();
  renderMessages(false);
  $('input').focus();
}

// --- What the server says ----------------------------------------------------------------

function isMention(text) {
  const nick = connection.nick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp('(^|[^\\p{L}\\p{N}_])' + nick + '($|[^\\p{L}\\p{N}_])', 'iu').test(text);
}

function notify(title, body) {
  if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted') return;
  new Notification(title, { body });
}

// A line said in a conversation; live ones count as unread where the person is not looking.
function addLine(key, entry, live) {
  const item = conversation(key);
  if (!item.add(entry)) return;
  if (batch) return; // shown when the batch ends
  const mine = entry.nick === connection.nick;
  const looking = item === active && !document.hidden;
  if (live && !mine && entry.id && !looking) {
    if (!item.unread) item.firstUnread = entry.order;
    item.unread++;
    const privately = !item.isRoom;
    if (privately || isMention(entry.text)) {
      item.mentions++;
      notify(privately ? tr('privateTitle', { nick: entry.nick }) : tr('mentionTitle', { nick: entry.nick, room: '#' + item.name }), entry.text);
    }
    renderConversationList();
  }
  if (item === active) appendEntry(entry);
}

function addNotice(key, text, time = new Date()) {
  addLine(key || (active ? active.key : '#hall'), { kind: 'notice', time, text }, false);
}

function errorText(fields) {
  const [code, , subject, text] = fields;
  const key = 'err' + code;
  return translate(language, key) !== key ? tr(key, { subject }) : tr('errorGeneric', { code, text });
}

function leaveText(nick, room, reason) {
  const keys = { part: 'left', quit: 'leftQuit', lost: 'leftLost', kick: 'leftKick', ban: 'leftBan' };
  return tr(keys[reason] || 'leftOther', { nick, room, reason });
}

function memberEvent(key, update) {
  const item = conversation(key);
  update(item);
  if (item === active) renderPeople();
}

const handlers = {
  message(e, f) {
    addLine(roomKey(f[1]), { kind: 'message', id: Number(f[0]), seq: Number(f[2]), time: e.time, nick: f[3], text: f[4], mention: f[3] !== connection.nick && isMention(f[4]) }, !batch);
  },
  action(e, f) {
    addLine(roomKey(f[1]), { kind: 'action', id: Number(f[0]), seq: Number(f[2]), time: e.time, nick: f[3], text: f[4], mention: f[3] !== connection.nick && isMention(f[4]) }, !batch);
  },
  note(e, f) {
    addLine(roomKey(f[1]), { kind: 'note', id: Number(f[0]), seq: Number(f[2]), time: e.time, nick: f[3], text: f[4], mention: f[3] !== connection.nick && isMention(f[4]) }, !batch);
  },
  topicchanged(e, f) {
    const item = conversation(roomKey(f[1]));
    if (!batch) {
      item.topic = f[4];
      if (item === active) renderHeading();
    }
    addLine(item.key, { kind: 'notice', id: Number(f[0]), seq: Number(f[2]), time: e.time, text: f[4] ? tr('topicSet', { nick: f[3], text: f[4] }) : tr('topicCleared', { nick: f[3] }) }, false);
  },
  private(e, f) {
    const peer = f[1] === connection.nick ? f[2] : f[1];
    addLine('@' + peer, { kind: 'message', id: Number(f[0]), seq: Number(f[0]), time: e.time, nick: f[1], text: f[3] }, !batch);
  },
  privatenote(e, f) {
    const peer = f[1] === connection.nick ? f[2] : f[1];
    addLine('@' + peer, { kind: 'note', id: Number(f[0]), seq: Number(f[0]), time: e.time, nick: f[1], text: f[3] }, !batch);
  },
  join(e, f) {
    const key = roomKey(f[0]);
    memberEvent(key, (item) => item.members.set(f[1], item.members.get(f[1]) || ''));
    if (f[1] !== connection.nick) return addNotice(key, tr('joined', { nick: f[1], room: f[0] }), e.time);
    if (!active || /^[wj]/.test(e.label)) select(conversation(key));
  },
  joins(e, f) {
    const [room, ...nicks] = f;
    memberEvent(roomKey(room), (item) => nicks.forEach((nick) => item.members.set(nick, '')));
    addNotice(roomKey(room), tr('joinedMany', { nicks: nicks.join(', '), room }), e.time);
  },
  leave(e, f) {
    const [room, nick, reason] = f;
    const key = roomKey(room);
    if (nick === connection.nick) {
      conversations.delete(key);
      if (active && active.key === key) {
        active = null;
        const next = conversations.values().next().value;
        if (next) select(next);
        else renderMessages(false);
      }
      return renderConversationList();
    }
    memberEvent(key, (item) => item.members.delete(nick));
    addNotice(key, leaveText(nick, room, reason), e.time);
  },
  nick(e, f) {
    const [old, now] = f;
    for (const item of conversations.values()) {
      if (!item.members.has(old)) continue;
      item.members.set(now, item.members.get(old));
      item.members.delete(old);
      addNotice(item.key, tr('renamed', { old, new: now }), e.time);
    }
    renderPeople();
  },
  topic(e, f) {
    const item = conversation(roomKey(f[0]));
    item.topic = f[2];
    if (item === active) renderHeading();
    if (e.label.startsWith('w')) addNotice(item.key, tr('topicIs', { text: f[2] }), e.time);
  },
  presence(e, f) {
    const [room, nick, state] = f;
    memberEvent(roomKey(room), (item) => {
      const flags = (item.members.get(nick) || '').split(',').filter((flag) => flag && flag !== 'reconnecting');
      if (state === 'reconnecting') flags.push('reconnecting');
      item.members.set(nick, flags.join(','));
    });
    addNotice(roomKey(room), tr(state === 'reconnecting' ? 'reconnectingPerson' : 'backPerson', { nick }), e.time);
  },
  users(e, f) {
    const [room, count, ...rest] = f;
    const pairs = groups(rest, 2);
    memberEvent(roomKey(room), (item) => { item.members = new Map(pairs); });
    if (e.label.startsWith('w'))
      addNotice(roomKey(room), tr('usersIn', { room, count, nicks: pairs.map(([nick]) => nick).join(', ') }), e.time);
  },
  moderation(e, f) {
    const [room, actor, act, target, detail] = f;
    addNotice(roomKey(room), tr('moderation', { actor, act, target, detail }), e.time);
  },
  away(e, f) {
    addNotice('@' + f[0], tr('awayReply', { nick: f[0], text: f[1] }), e.time);
  },
  notice(e, f) {
    addNotice(null, tr('noticeFrom', { nick: f[0], text: f[1] }), e.time);
  },
  wallops(e, f) {
    addNotice(null, tr('wallopsFrom', { nick: f[0], text: f[1] }), e.time);
  },
  // Who went by a name: after the name asked, five fields per departure, newest first.
  whowas(e, f) {
    const [asked, ...rest] = f;
    if (!rest.length) addNotice(null, tr('whowasNone', { nick: asked }), e.time);
    const why = { quit: 'whowasQuit', lost: 'whowasLost', disconnect: 'whowasDisconnect', nick: 'whowasNick' };
    for (const [name, account, left, reason, taken] of groups(rest, 5)) {
      const nick = account ? tr('whowasAccount', { nick: name, account }) : name;
      const when = new Date(left).toLocaleString(language === 'zh_CN' ? 'zh-CN' : 'en');
      addNotice(null, tr(why[reason] || 'whowasLeft', { nick, when, new: taken }), e.time);
    }
  },
  error(e, f) {
    if (e.label.startsWith('j') && f[0] === '403') return connection.command('create ' + f[2], 'j');
    if (e.label.startsWith('x') || e.label.startsWith('rejoin')) return; // a room that is gone
    addNotice(null, errorText(f), e.time);
  },
  history(e, f) {
    const [room, peer, reason] = f;
    batch = { key: room ? roomKey(room) : '@' + peer, older: reason === 'join' || /^(o|w)/.test(e.label) };
    if (room || peer) conversation(batch.key);
  },
  historyend(e, f) {
    const [room, peer, , , next] = f;
    const ended = batch;
    batch = null;
    if (!ended) return;
    if (!room && !peer) { // a resume's private lines: each went to its own conversation
      if (active) renderMessages(true);
      return;
    }
    const item = conversation(room ? roomKey(room) : '@' + peer);
    item.loadingOlder = false;
    if (ended.older && next !== 'before') item.complete = true;
    if (item === active) renderMessages(ended.older);
  },
  listing(e, f) {
    listings.set(e.label, { what: f[0], total: f[1], items: [] });
  },
  rooms(e, f) {
    listings.get(e.label)?.items.push(...groups(f, 3).map(([room, count, topic]) => tr('listItemRoom', { room, count, topic })));
  },
  who(e, f) {
    listings.get(e.label)?.items.push(...groups(f, 3).map(([nick, rooms]) => tr('listItemWho', { nick, rooms: rooms || '-' })));
  },
  listingend(e) {
    const listing = listings.get(e.label);
    listings.delete(e.label);
    if (!listing) return;
    addNotice(null, tr(listing.what === 'rooms' ? 'listRooms' : 'listWho', { count: listing.total || 0 }), e.time);
    listing.items.forEach((text) => addNotice(null, '  ' + text, e.time));
  },
  bye(e, f) {
    addNotice(null, tr('bye', { reason: f[0] }), e.time);
  },
};

// Replies of commands typed by the person that have no place of their own (help, settings,
// bans, rules, modlog): shown as they come, one field group per line.
function showReply(e) {
  if (e.label.startsWith('w') && e.kind !== 'ok') addNotice(null, e.kind + ': ' + e.fields.join(' '), e.time);
}

connection.addEventListener('event', ({ detail: e }) => (handlers[e.kind] || showReply)(e, e.fields));

// --- Loading older lines -------------------------------------------------------------------

function loadOlder(item) {
  if (!item || item.complete || item.loadingOlder || !connection.loggedIn) return;
  item.loadingOlder = true;
  const target = item.isRoom ? item.name : '@' + item.name;
  const oldest = item.oldest();
  connection.command('history ' + target + ' ' + OlderPage + (oldest ? ' before ' + oldest : ''), 'o');
}

$('messages').addEventListener('scroll', () => {
  if ($('messages').scrollTop < 40) loadOlder(active);
});

// --- The person's input --------------------------------------------------------------------

function send(line) {
  if (line.startsWith('/') && !line.startsWith('//')) {
    const [word] = line.slice(1).split(' ');
    if (word.toLowerCase() === 'me' && active && !active.isRoom) return addNotice(null, tr('meNoRoom'));
    if (word.toLowerCase() === 'me' && active) return connection.command('me #' + active.name + ' ' + line.slice(4).trim(), 'w');
    if (['quit', 'logout'].includes(word.toLowerCase())) return logout();
    return connection.command(line.slice(1), 'w');
  }
  const text = line.startsWith('//') ? line.slice(1) : line;
  if (!active) return;
  if (active.isRoom) connection.command('say #' + active.name + ' ' + text, 's');
  else connection.command('msg ' + active.name + ' ' + text, 's');
}

$('input-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('input');
  const line = input.value.trim();
  input.value = '';
  if (line) send(line);
});

$('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const room = $('join-room').value.trim().replace(/^#/, '');
  $('join-room').value = '';
  if (room) connection.command('join ' + room, 'j');
});

function logout() {
  connection.logout();
}

$('logout-button').addEventListener('click', logout);
$('menu-button').addEventListener('click', () => document.body.classList.toggle('show-sidebar'));
$('people-button').addEventListener('click', () => document.body.classList.toggle('show-people'));

// Notifications are asked for on a click, never on load.
function updateNotifyButton() {
  $('notify-button').hidden = !('Notification' in window) || Notification.permission !== 'default';
}
$('notify-button').addEventListener('click', () => Notification.requestPermission().then(updateNotifyButton));

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && active) {
    active.unread = 0;
    active.mentions = 0;
    renderConversationList();
  }
});

// --- Logging in and the connection's state ---------------------------------------------

connection.addEventListener('state', ({ detail: state }) => {
  const banner = $('status-banner');
  banner.hidden = state === 'open';
  banner.textContent = state === 'reconnecting' ? tr('reconnecting') : state === 'closed' ? tr('disconnected') : tr('connecting');
  document.body.dataset.connection = state;
  // After a logout, the page starts over with its login form.
  if (state === 'closed' && connection.stopped && connection.loggedIn) location.reload();
  if (!connection.loggedIn && state === 'connecting') $('login-status').textContent = tr('connecting');
});

connection.addEventListener('loggedin', ({ detail }) => {
  $('status-banner').hidden = true;
  document.body.dataset.connection = 'open';
  $('login-view').hidden = true;
  $('chat-view').hidden = false;
  updateNotifyButton();
  addNotice(null, detail.resumed ? tr('resumed') : tr('loggedInAs', { nick: detail.nick }));
});

connection.addEventListener('loginfailed', ({ detail: e }) => {
  $('login-status').textContent = errorText(e.fields);
  if (e.fields[0] === '464') $('server-password-row').hidden = false;
  if (e.fields[0] === '902' || e.fields[0] === '904') $('password').focus();
});

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  connection.start($('nick').value.trim(), $('password').value, $('server-password').value);
});

// The page's own words in its language.
document.documentElement.lang = language === 'zh_CN' ? 'zh-CN' : 'en';
document.title = tr('title');
for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = tr(element.dataset.i18n);
for (const element of document.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = tr(element.dataset.i18nPlaceholder);
