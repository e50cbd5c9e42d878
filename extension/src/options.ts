// The options page: the agent's own list of helpdesk sites, unless the company's policy
// (chrome.storage.managed) already sets one, which then wins and is shown read-only.
import { SITES_KEY, allowedSites, siteOrigin } from './messages.ts';

const sites = document.getElementById('sites') as HTMLTextAreaElement;
const note = document.getElementById('policy') as HTMLElement;
const save = document.getElementById('save') as HTMLButtonElement;

async function load(): Promise<void> {
  const { sites: list, managed } = await allowedSites();
  sites.value = list.join('\n');
  sites.readOnly = managed;
  save.disabled = managed;
  note.textContent = managed ? 'Your company set these sites by browser policy.' : list.length ? '' : 'No sites listed: every site.';
}

save.addEventListener('click', async () => {
  const lines = sites.value.split('\n').filter((l) => l.trim() !== '');
  const origins = lines.map(siteOrigin);
  const bad = lines.filter((_, i) => origins[i] === null);
  if (bad.length) {
    note.textContent = `Not a web address: ${bad.join(', ')}`;
    return;
  }
  await chrome.storage.sync.set({ [SITES_KEY]: [...new Set(origins)] });
  await load();
  note.textContent = 'Saved. Reload open helpdesk tabs.';
});

void load();
