// The helpdesk tab's part: a "Verify bank account" button beside a selected name, and a small
// status panel that follows the order and writes the chat message and the result into the
// composer. Both live in an open shadow root, so page styles cannot bend them and assistive
// tools reach them by role and name. Only trusted events act: a page's own click() is refused.
import { APP_NOT_RUNNING, BrowserReply, cleanSelection } from '../../shared/browser-bridge.ts';
import type { BridgeError, BrowserOrder } from '../../shared/browser-bridge.ts';
import { validateName } from '../../shared/names.ts';
import { findComposer, insertText, rememberComposer } from './composer.ts';
import { PORT_NAME, TabCommand, allowedSites } from './messages.ts';
import { PANEL_CSS } from './panel-css.ts';

const host = document.createElement('rpd-desk-helper');
host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; z-index: 2147483647;';
const root = host.attachShadow({ mode: 'open' });
root.innerHTML = `<style>${PANEL_CSS}</style>`;

const button = document.createElement('button');
button.type = 'button';
button.className = 'verify';
button.textContent = 'Verify bank account';
button.hidden = true;

const panel = document.createElement('div');
panel.className = 'panel';
panel.hidden = true;
const status = document.createElement('div');
status.setAttribute('role', 'status');
status.setAttribute('aria-live', 'polite');
const actions = document.createElement('div');
actions.className = 'actions';
const close = document.createElement('button');
close.type = 'button';
close.className = 'close';
close.textContent = '×';
close.setAttribute('aria-label', 'Close RPD Desk panel');
panel.append(close, status, actions);
root.append(button, panel);

let selectedName: string | null = null;
let port: chrome.runtime.Port | null = null;
let nextId = 1;
type Answer = Exclude<BrowserReply, { kind: 'update' }>;
type Question = { kind: 'create'; name: string; ticket?: string } | { kind: 'result'; verificationId: string };
const waiting = new Map<number, (reply: Answer) => void>();
let current: BrowserOrder | null = null;

document.addEventListener('focusin', (e) => rememberComposer(e.composedPath()[0]), true);

/** The selection if the app's name rules could accept it, else null. */
function selectionName(text?: string): string | null {
  const raw = text ?? document.getSelection()?.toString() ?? '';
  if (!raw.trim() || raw.length > 300) return null;
  const check = validateName(cleanSelection(raw));
  return check.ok ? check.name : null;
}

function placeNear(el: HTMLElement, rect: DOMRect | null): void {
  const x = rect ? rect.left + window.scrollX : window.scrollX + 16;
  const y = rect ? rect.bottom + window.scrollY + 6 : window.scrollY + 16;
  el.style.left = `${Math.max(4, Math.min(x, window.scrollX + document.documentElement.clientWidth - 340))}px`;
  el.style.top = `${y}px`;
}

function selectionRect(): DOMRect | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  return rect.width || rect.height ? rect : null;
}

let enabled = false;
void allowedSites().then(({ sites }) => {
  enabled = sites.length === 0 || sites.includes(location.origin);
  if (enabled) document.documentElement.append(host);
  offerButton();
});

/** The button shows only beside a selection the app's name rules could accept. */
function offerButton(): void {
  if (!enabled) return;
  const name = selectionName();
  button.hidden = name === null;
  if (name) placeNear(button, selectionRect());
}
document.addEventListener('selectionchange', offerButton);

// Some editors clear the selection when focus moves: read it as the button is pressed, and keep it.
button.addEventListener('mousedown', (e) => {
  e.preventDefault();
  selectedName = selectionName();
});
button.addEventListener('click', (e) => {
  // A page script's button.click() is not the agent.
  if (!e.isTrusted) return;
  const name = selectedName ?? selectionName();
  selectedName = null;
  button.hidden = true;
  if (name) void verify(name);
});
close.addEventListener('click', (e) => {
  if (e.isTrusted) hidePanel();
});

chrome.runtime.onMessage.addListener((message: unknown) => {
  const command = TabCommand.safeParse(message);
  if (!command.success || !enabled) return;
  // The agent asked by menu or shortcut: the app's own rules judge the name, and say why if not.
  const text = cleanSelection(command.data.text ?? document.getSelection()?.toString() ?? '').slice(0, 1000);
  if (text) void verify(text);
  else show("Select the customer's name first.");
});

function connect(): chrome.runtime.Port {
  if (port) return port;
  const p = chrome.runtime.connect({ name: PORT_NAME });
  p.onMessage.addListener((message: unknown) => {
    const reply = BrowserReply.safeParse(message);
    if (!reply.success) return;
    const r = reply.data;
    if ('kind' in r) return onUpdate(r.order);
    if (r.id === null && !r.ok) return endAll(r);
    if (r.id === null) return;
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  p.onDisconnect.addListener(() => {
    port = null;
    endAll({ id: null, ok: false, error: APP_NOT_RUNNING });
  });
  return (port = p);
}

/** The app, the host or the extension went away: every open question ends with that answer. */
function endAll(answer: Answer & { ok: false }): void {
  const asked = waiting.size > 0;
  for (const [key, resolve] of waiting) {
    waiting.delete(key);
    resolve(answer);
  }
  if (!asked && current && !current.final) onError(answer.error);
}

function ask(request: Question): Promise<Answer> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    connect().postMessage({ ...request, id });
  });
}

function ticketRef(): string | undefined {
  const m = /(?:ticket|#)\s*#?\s*(\d{2,12})\b/i.exec(document.title);
  return m ? `Ticket #${m[1]}` : undefined;
}

async function verify(name: string): Promise<void> {
  current = null;
  show(`Creating the order for ${name}…`, selectionRect());
  const reply = await ask({ kind: 'create', name, ticket: ticketRef() });
  if (!reply.ok) return onError(reply.error, name);
  if (!('order' in reply)) return;
  current = reply.order;
  let where = '';
  if (reply.order.message) where = await deliver(reply.order.message, 'Message');
  render(reply.order, where);
}

function onUpdate(order: BrowserOrder): void {
  if (current?.verificationId !== order.verificationId) return;
  current = order;
  render(order, '');
}

function onError(error: BridgeError, name?: string): void {
  show(error.message);
  if (error.code === 'app_not_running' || error.code === 'not_allowed') {
    const open = document.createElement('a');
    open.href = `rpd-desk://new?name=${encodeURIComponent(name ?? current?.name ?? '')}`;
    open.textContent = 'Open RPD Desk';
    open.className = 'action';
    actions.append(open);
  }
}

/** Into the composer the agent last used, or the only one on the page; else the clipboard. */
async function deliver(text: string, what: string): Promise<string> {
  const composer = findComposer();
  if (composer && (await insertText(composer, text))) return `${what} inserted into the composer.`;
  return (await copy(text)) ? `No composer found: ${what.toLowerCase()} copied to the clipboard.` : `No composer found and the clipboard refused the ${what.toLowerCase()}.`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    root.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function render(order: BrowserOrder, note: string): void {
  show('');
  const title = document.createElement('strong');
  title.textContent = order.name;
  const words = document.createElement('span');
  words.className = `words verdict-${order.verdict}`;
  words.textContent = order.status;
  status.append(title, document.createTextNode(': '), words);
  if (note) {
    const p = document.createElement('p');
    p.textContent = note;
    status.append(p);
  }
  if (order.final && ['verified', 'check_name', 'name_mismatch', 'wallet', 'paid_no_name'].includes(order.verdict)) {
    const insert = document.createElement('button');
    insert.type = 'button';
    insert.className = 'action';
    insert.textContent = 'Insert result';
    insert.addEventListener('mousedown', (e) => e.preventDefault());
    insert.addEventListener('click', (e) => {
      if (e.isTrusted) void insertResult(order.verificationId);
    });
    actions.append(insert);
  }
}

async function insertResult(verificationId: string): Promise<void> {
  const reply = await ask({ kind: 'result', verificationId });
  if (!reply.ok) return onError(reply.error);
  if (!('text' in reply) || !current) return;
  render(current, await deliver(reply.text, 'Result'));
}

function show(text: string, rect?: DOMRect | null): void {
  status.textContent = text;
  actions.replaceChildren();
  if (panel.hidden) {
    panel.hidden = false;
    placeNear(panel, rect ?? selectionRect());
  }
}

function hidePanel(): void {
  panel.hidden = true;
  current = null;
  port?.disconnect();
  port = null;
}
