// Finding the helpdesk's composer and putting text into it so the editor's own state sees it
// (textarea, input, contenteditable, ProseMirror, Lexical, Draft.js). The order below worked in
// every one of them; innerHTML is never written.

type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search']);
let last: Editable | null = null;

function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type) && !el.readOnly && !el.disabled;
}

/** The outermost editable host of a node inside a contenteditable editor. */
function editableRoot(el: Element): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node instanceof HTMLElement && node.isContentEditable && node.getAttribute('contenteditable') !== null && node.getAttribute('contenteditable') !== 'false') found = node;
  }
  return found;
}

function asEditable(target: EventTarget | undefined | null): Editable | null {
  if (!(target instanceof Element)) return null;
  if (isTextField(target)) return target;
  return editableRoot(target);
}

export function rememberComposer(target: EventTarget | undefined | null): void {
  const el = asEditable(target);
  if (el) last = el;
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The composer the agent last focused; or, failing that, the only visible editable box. */
export function findComposer(): Editable | null {
  if (last?.isConnected && visible(last)) return last;
  // Draft.js replaces its editable node: look again rather than trust a stale reference.
  const all = [...document.querySelectorAll('textarea, input, [contenteditable]')]
    .map((el) => asEditable(el))
    .filter((el): el is Editable => el !== null && visible(el));
  const unique = [...new Set(all)];
  return unique.length === 1 ? (unique[0] ?? null) : null;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function insertText(el: Editable, text: string): Promise<boolean> {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    if (document.execCommand('insertText', false, text)) return true;
    el.setRangeText(text, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  }
  el.focus();
  const sel = document.getSelection();
  if (sel && (!sel.anchorNode || !el.contains(sel.anchorNode))) {
    const range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  // Rich editors (ProseMirror, Lexical, Draft.js) take a paste cleanly; plain ones take typing.
  // Lexical picks up the caret a moment after it is placed, later on a busy machine: try again,
  // only while nothing was written (never twice).
  const before = el.textContent ?? '';
  const changed = async (): Promise<boolean> => {
    await pause(50);
    return (el.textContent ?? '') !== before;
  };
  for (const wait of [30, 250]) {
    await pause(wait);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (!el.dispatchEvent(paste) && (await changed())) return true;
    if (document.execCommand('insertText', false, text) && (await changed())) return true;
  }
  return false;
}
