/**
 * The About page's "available offline" action: shows the size of the reader's language's whole
 * site (offline/index.json, written at build time), then asks the service worker to store it,
 * with progress, or to remove the stored copy.
 */
interface Strings { size: string; saving: string; saved: string; removed: string; failed: string; unsupported: string }

const root = document.querySelector<HTMLElement>('[data-offline]')!;
const lang = root.dataset.lang!;
const locale = root.dataset.locale!;
const base = root.dataset.base!;
const strings = JSON.parse(root.dataset.strings!) as Strings;
const sizeEl = root.querySelector<HTMLElement>('[data-offline-size]')!;
const statusEl = root.querySelector<HTMLElement>('[data-offline-status]')!;
const progress = root.querySelector('progress')!;
const saveButton = root.querySelector<HTMLButtonElement>('[data-offline-save]')!;
const removeButton = root.querySelector<HTMLButtonElement>('[data-offline-remove]')!;

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
const megabytes = (bytes: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);

type Reply = { type: 'status'; saved: boolean } | { type: 'progress'; done: number; total: number } | { type: 'saved'; bytes: number } | { type: 'removed' } | { type: 'error'; message: string };

/** Sends a message to the active worker; `onReply` sees every reply until it returns true. */
async function ask(message: object, onReply: (reply: Reply) => boolean): Promise<void> {
  const { active } = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  await new Promise<void>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<Reply>) => {
      if (onReply(event.data)) resolve();
    };
    active!.postMessage(message, [channel.port2]);
  });
}

function show(saved: boolean, text = ''): void {
  saveButton.hidden = saved;
  removeButton.hidden = !saved;
  saveButton.disabled = false;
  progress.hidden = true;
  statusEl.textContent = text;
}

async function start(): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    statusEl.textContent = strings.unsupported;
    root.hidden = false;
    return;
  }
  const response = await fetch(`${base}offline/index.json`, { cache: 'no-cache' });
  const index = (await response.json()) as { langs: Record<string, { bytes: number }> };
  const bytes = index.langs[lang]!.bytes;
  sizeEl.textContent = fill(strings.size, { size: megabytes(bytes) });
  root.hidden = false;
  await ask({ type: 'status', lang }, (reply) => {
    if (reply.type === 'status') show(reply.saved, reply.saved ? fill(strings.saved, { size: megabytes(bytes) }) : '');
    return true;
  });

  saveButton.addEventListener('click', () => {
    saveButton.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    statusEl.textContent = fill(strings.saving, { percent: '0' });
    // Ask the browser not to evict the copy under storage pressure (it may decide on its own).
    navigator.storage?.persist?.().catch(() => undefined);
    void ask({ type: 'save', lang }, (reply) => {
      if (reply.type === 'progress') {
        progress.max = reply.total;
        progress.value = reply.done;
        statusEl.textContent = fill(strings.saving, { percent: String(Math.floor((reply.done / reply.total) * 100)) });
        return false;
      }
      if (reply.type === 'saved') show(true, fill(strings.saved, { size: megabytes(reply.bytes) }));
      else if (reply.type === 'error') show(false, fill(strings.failed, { reason: reply.message }));
      return true;
    });
  });
  removeButton.addEventListener('click', () => {
    void ask({ type: 'remove', lang }, (reply) => {
      if (reply.type === 'removed') show(false, strings.removed);
      return true;
    });
  });
}

start().catch((error: unknown) => {
  statusEl.textContent = fill(strings.failed, { reason: error instanceof Error ? error.message : String(error) });
  root.hidden = false;
});
