// The Settings dialog and the profile banner against a stand-in for main (test/renderer/fake-api.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ProfileBanner } from '../../renderer/src/features/profile/ProfileBanner.tsx';
import { SettingsButton } from '../../renderer/src/features/settings/SettingsDialog.tsx';
import { createSettingsStore } from '../../renderer/src/features/settings/store.ts';
import { CONFIRM_MESSAGE, FakeMain } from './fake-api.ts';

const CLIENT_ID = 'TEST100sandbox1234';
const SECRET = 'cfsk_ma_test_superSecretValue42';

afterEach(cleanup);

function renderApp(main = new FakeMain()) {
  const store = createSettingsStore(main.api());
  render(
    <ProfileBanner store={store}>
      <SettingsButton store={store} />
    </ProfileBanner>,
  );
  return { main, store };
}

async function openSettings() {
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  const dialog = await screen.findByRole('dialog', { name: 'Settings' });
  await within(dialog).findByRole('radio', { name: 'Demo' });
  return dialog;
}

async function chooseSandbox(dialog: HTMLElement) {
  fireEvent.click(within(dialog).getByRole('radio', { name: 'Sandbox' }));
  await within(dialog).findByLabelText('Client ID');
}

describe('profile banner', () => {
  it('names the live profile and follows settings.changed', async () => {
    const { main } = renderApp();
    const banner = await screen.findByRole('banner', { name: 'Active profile: Demo' });
    expect(banner.className).toContain('profile-banner-demo');
    act(() => main.emit({ ...main.settings, activeProfile: 'sandbox' }));
    const sandbox = await screen.findByRole('banner', { name: 'Active profile: Sandbox' });
    expect(sandbox.textContent).toContain('SANDBOX — test money only');
    expect(sandbox.textContent).toContain('Add the Sandbox client ID and secret in Settings');
    expect(sandbox.className).toContain('profile-banner-sandbox');
  });

  it('drops the call to action once the profile has keys', async () => {
    const main = new FakeMain();
    main.settings.activeProfile = 'production';
    main.settings.profiles.production = { ...main.settings.profiles.production, configured: true, clientIdHint: '…9999' };
    renderApp(main);
    const banner = await screen.findByRole('banner', { name: 'Active profile: Production' });
    expect(banner.textContent).toContain('PRODUCTION — real customers');
    expect(banner.textContent).not.toContain('Add the');
  });
});

describe('settings dialog', () => {
  it('opens as a dialog, keeps Tab inside, closes on Escape and gives focus back', async () => {
    renderApp();
    const button = screen.getByRole('button', { name: 'Settings' });
    button.focus();
    const dialog = await openSettings();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);

    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input, textarea')].filter((el) => !el.hasAttribute('disabled'));
    focusable.at(-1)?.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(focusable[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(focusable.at(-1));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('refuses to save without the weak-protection choice, keeps what was typed, then saves write-only', async () => {
    const { main } = renderApp();
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    expect(await screen.findByRole('banner', { name: 'Active profile: Sandbox' })).toBeTruthy();
    expect(within(dialog).getByText(/Add the Sandbox client ID and secret below/)).toBeTruthy();

    const weak = within(dialog).getByRole('checkbox', { name: /weak/ });
    expect(within(dialog).getByText(/offers no secure keychain/).textContent).toMatch(/readable by your\s+user account/);
    const id = within(dialog).getByLabelText('Client ID');
    const secret = within(dialog).getByLabelText('Client secret');
    expect(secret.getAttribute('type')).toBe('password');
    fireEvent.change(id, { target: { value: CLIENT_ID } });
    fireEvent.change(secret, { target: { value: SECRET } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const refusal = await within(dialog).findByText(/Store with weak protection on this machine" to save/);
    expect(refusal.closest('.weak-box')?.contains(weak)).toBe(true);
    expect((id as HTMLInputElement).value).toBe(CLIENT_ID);
    expect((secret as HTMLInputElement).value).toBe(SECRET);
    expect(main.secrets.sandbox).toBeUndefined();

    fireEvent.click(weak);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Saved: client ID …1234');
    expect(main.callsTo('settings.saveCredentials').at(-1)).toEqual({ kind: 'sandbox', clientId: CLIENT_ID, clientSecret: SECRET, allowWeak: true });
    expect((id as HTMLInputElement).value).toBe('');
    expect((secret as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(CLIENT_ID);
    expect(screen.getByRole('banner', { name: 'Active profile: Sandbox' }).textContent).not.toContain('Add the');
  });

  it('shows a wrong-environment refusal next to the secret', async () => {
    const main = new FakeMain('keychain');
    renderApp(main);
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    expect(within(dialog).queryByRole('checkbox', { name: /weak/ })).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Client ID'), { target: { value: CLIENT_ID } });
    fireEvent.change(within(dialog).getByLabelText('Client secret'), { target: { value: 'cfsk_ma_prod_live' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const message = await within(dialog).findByText(/This is a Production client secret/);
    expect(message.closest('.field')?.querySelector('input')?.getAttribute('type')).toBe('password');
    expect((within(dialog).getByLabelText('Client ID') as HTMLInputElement).value).toBe(CLIENT_ID);
  });

  it('sends the custom address and shows its refusal next to it', async () => {
    const main = new FakeMain('keychain');
    renderApp(main);
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    const address = within(dialog).getByLabelText('Custom address');
    fireEvent.change(address, { target: { value: 'http://proxy.example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // The new host is shown and must be confirmed before anything is sent.
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Yes, use proxy.example.com' }));
    const message = await within(dialog).findByText(/must start with https:\/\//);
    expect(message.closest('.field')?.contains(address)).toBe(true);
    fireEvent.change(address, { target: { value: 'https://proxy.example.com/verification' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(main.settings.profiles.sandbox.customBaseUrl).toBe(null);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Yes, use proxy.example.com' }));
    await within(dialog).findByText('Sandbox settings saved.');
    expect(main.settings.profiles.sandbox.customBaseUrl).toBe('https://proxy.example.com/verification');
  });

  it('reads the public key file, sends its text, shows it as set and removes it', async () => {
    const main = new FakeMain('keychain');
    renderApp(main);
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    const pem = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----\n';
    fireEvent.change(within(dialog).getByLabelText('Public key'), { target: { files: [new File([pem], 'cashfree.pem', { type: 'text/plain' })] } });
    await within(dialog).findByText(/cashfree\.pem will be saved/);
    fireEvent.change(within(dialog).getByLabelText('Client ID'), { target: { value: CLIENT_ID } });
    fireEvent.change(within(dialog).getByLabelText('Client secret'), { target: { value: SECRET } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Public key: set');
    expect(main.secrets.sandbox?.publicKeyPem).toBe(pem);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove public key' }));
    await waitFor(() => expect(within(dialog).queryByText('Public key: set')).toBeNull());
    expect(main.callsTo('settings.saveCredentials').at(-1)).toEqual({ kind: 'sandbox', publicKeyPem: null });
  });

  it('shows progress while testing the connection, then the outcome in red or green', async () => {
    const main = new FakeMain('keychain');
    renderApp(main);
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    let answer: (v: { ok: boolean; code: 'auth_failed'; message: string }) => void = () => {};
    main.probe = new Promise((resolve) => (answer = resolve));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    const status = within(dialog).getByRole('status', { name: 'Connection test' });
    await waitFor(() => expect(status.textContent).toMatch(/Testing the Sandbox connection/));
    expect(within(dialog).getByRole('button', { name: 'Test connection' }).getAttribute('aria-busy')).toBe('true');
    await act(async () => answer({ ok: false, code: 'auth_failed', message: 'Cashfree did not accept the client id and client secret.' }));
    await waitFor(() => expect(status.textContent).toBe('Cashfree did not accept the client id and client secret.'));
    expect(status.className).toContain('probe-bad');

    main.probe = { ok: true, code: 'ok', message: 'Connected to Sandbox: the keys work.' };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(status.textContent).toBe('Connected to Sandbox: the keys work.'));
    expect(status.className).toContain('probe-ok');
  });

  it('asks before deleting keys', async () => {
    const main = new FakeMain('keychain');
    renderApp(main);
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    fireEvent.change(within(dialog).getByLabelText('Client ID'), { target: { value: CLIENT_ID } });
    fireEvent.change(within(dialog).getByLabelText('Client secret'), { target: { value: SECRET } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Delete keys' }));
    expect(main.callsTo('settings.deleteCredentials')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the keys' }));
    expect(main.callsTo('settings.deleteCredentials')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete keys' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, delete the keys' }));
    await within(dialog).findByText(/No Sandbox keys saved yet/);
    expect(main.callsTo('settings.deleteCredentials')).toEqual([{ kind: 'sandbox' }]);
  });

  it('asks before switching to Production the first time, and switches only on confirmation', async () => {
    const { main } = renderApp();
    const dialog = await openSettings();
    await chooseSandbox(dialog);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Production' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Switch to Production?' });
    expect(confirm.textContent).toContain(CONFIRM_MESSAGE);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((within(dialog).getByRole('radio', { name: 'Sandbox' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('banner', { name: 'Active profile: Sandbox' })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Production' }));
    const again = await screen.findByRole('alertdialog', { name: 'Switch to Production?' });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Production' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Switch to Production' }));
    await screen.findByRole('banner', { name: 'Active profile: Production' });
    expect(main.callsTo('settings.setProfile').at(-1)).toEqual({ kind: 'production', confirmProduction: true });
    expect((within(dialog).getByRole('radio', { name: 'Production' }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText(/Add the Production client ID and secret below/)).toBeTruthy();
  });
});

describe('preferences', () => {
  it('saves templates in English and Hindi and the other preferences', async () => {
    const { main } = renderApp();
    const dialog = await openSettings();
    expect(within(dialog).getByText('{minutes_left}')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Message (Hindi)'), { target: { value: 'नमस्ते {name}, लिंक: {link}' } });
    fireEvent.change(within(dialog).getByLabelText('Keep history for (days)'), { target: { value: '30' } });
    fireEvent.change(within(dialog).getByLabelText('Clear clipboard after (seconds)'), { target: { value: '0' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Install updates automatically' }));
    fireEvent.change(within(dialog).getByLabelText('Global shortcut'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    await within(dialog).findByText('Preferences saved.');
    expect(main.settings.preferences).toMatchObject({
      retentionDays: 30,
      clipboardClearSeconds: 0,
      autoUpdate: false,
      globalShortcut: '',
      messageTemplates: { Hindi: 'नमस्ते {name}, लिंक: {link}' },
    });
    expect(main.settings.preferences.messageTemplates.English).toContain('{page_link}');
  });

  it('shows the server refusal next to the field and a typo in a placeholder before sending', async () => {
    const { main } = renderApp();
    const dialog = await openSettings();
    const days = within(dialog).getByLabelText('Keep history for (days)');
    fireEvent.change(days, { target: { value: '99999' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    const message = await within(dialog).findByText('Keep history for 1 to 3650 days.');
    expect(message.closest('.field')?.contains(days)).toBe(true);
    expect(main.settings.preferences.retentionDays).toBe(180);

    fireEvent.change(days, { target: { value: '90' } });
    fireEvent.change(within(dialog).getByLabelText('Message (English)'), { target: { value: 'Hi {nmae}, scan the QR' } });
    const sent = main.callsTo('settings.updatePreferences').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    await within(dialog).findByText(/Unknown placeholder \{nmae\}/);
    expect(main.callsTo('settings.updatePreferences').length).toBe(sent);

    // A template must carry the order's link, and no payment address or link of its own.
    fireEvent.change(within(dialog).getByLabelText('Message (English)'), { target: { value: 'Hi {name}, scan the QR' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    await within(dialog).findByText(/needs \{page_link\} or \{link\}/);
    fireEvent.change(within(dialog).getByLabelText('Message (English)'), { target: { value: 'Hi {name}: upi://pay?pa=someone@upi {link}' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    await within(dialog).findByText(/contains a payment address/);
    expect(main.callsTo('settings.updatePreferences').length).toBe(sent);
  });
});
