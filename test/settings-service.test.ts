// SettingsService on plain Node: real settings files through conf (what electron-store extends),
// the key-file cipher, no Electron.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SettingsService } from '../electron/core/settings/service.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { openNodeSettingsStore, settingsFilePath } from '../electron/core/settings/store-file.ts';
import { WEAK_KEY_FILE, createKeyFileCipher } from '../electron/core/settings/weak-cipher.ts';
import { DEFAULT_MESSAGE_TEMPLATES, PublicSettings, SETTINGS_VERSION, SettingsDoc } from '../electron/core/settings/schema.ts';
import {
  PRODUCTION_KEYS,
  SANDBOX_KEYS,
  findSecretsIn,
  makePublicKeyPem,
  readAllFiles,
  secretNeedles,
  tempDir,
} from './settings-fixtures.ts';
import { answering } from './fixtures/answers.ts';
import type { AnsweringSettings } from './fixtures/answers.ts';

const openService = (dir: string, now?: () => Date): AnsweringSettings => answering(openPlainNodeSettings({ dir, ...(now ? { now } : {}) }));

const readDoc = (dir: string): unknown => JSON.parse(readFileSync(settingsFilePath(dir), 'utf8'));

describe('first run', () => {
  test('starts on Demo with defaults and writes a current settings file', () => {
    const dir = tempDir('first');
    const settings = openService(dir);
    const pub = settings.getPublicSettings();
    expect(pub.activeProfile).toBe('demo');
    expect(pub.productionConfirmed).toBe(false);
    expect(pub.keychain).toBe('none');
    expect(pub.preferences.clipboardClearSeconds).toBe(60);
    expect(pub.preferences.retentionDays).toBe(180);
    expect(pub.preferences.theme).toBe('system');
    expect(pub.profiles.sandbox).toEqual({
      kind: 'sandbox',
      configured: false,
      clientIdHint: null,
      hasPublicKey: false,
      keychain: 'none',
      weakAllowed: false,
      baseUrl: 'https://sandbox.cashfree.com/verification',
      customBaseUrl: null,
    });
    expect(pub.profiles.production.baseUrl).toBe('https://api.cashfree.com/verification');
    expect(pub.profiles.demo).toMatchObject({ baseUrl: null, configured: true });
    expect(SettingsDoc.parse(readDoc(dir)).schemaVersion).toBe(SETTINGS_VERSION);
    expect(settings.notices).toEqual([]);
    // Exactly the public shape, nothing more (a strict parse fails on any extra field).
    expect(PublicSettings.strict().parse(pub)).toEqual(pub);
    for (const kind of ['demo', 'sandbox', 'production'] as const) {
      expect(Object.keys(pub.profiles[kind]).sort()).toEqual(['baseUrl', 'clientIdHint', 'configured', 'customBaseUrl', 'hasPublicKey', 'keychain', 'kind', 'weakAllowed']);
    }
  });

  test('the settings file is readable by its owner only', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir('mode');
    openService(dir);
    expect(statSync(settingsFilePath(dir)).mode & 0o077).toBe(0);
  });
});

describe('key-file cipher (no OS keychain)', () => {
  test('refuses to store secrets without the weak-protection choice and stores nothing', async () => {
    const dir = tempDir('weak-refuse');
    const settings = openService(dir);
    const answer = await settings.saveCredentials('sandbox', SANDBOX_KEYS);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unavailable');
    expect(answer.error.details).toEqual({ needsWeakConsent: true, keychain: 'none' });
    expect(answer.error.message).toMatch(/weak protection/);
    expect(settings.getPublicSettings().profiles.sandbox.configured).toBe(false);
    expect(existsSync(join(dir, WEAK_KEY_FILE))).toBe(false);
    for (const file of readAllFiles(dir)) expect(findSecretsIn(file.text, secretNeedles(SANDBOX_KEYS.clientId, SANDBOX_KEYS.clientSecret))).toEqual([]);
  });

  test('stores with the choice, remembers it for that profile only, and reads the keys back', async () => {
    const dir = tempDir('weak-accept');
    const settings = openService(dir);
    const saved = await settings.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: true });
    expect(saved.ok).toBe(true);
    const pub = settings.getPublicSettings().profiles.sandbox;
    expect(pub).toMatchObject({ configured: true, weakAllowed: true, keychain: 'none', clientIdHint: `…${SANDBOX_KEYS.clientId.slice(-4)}` });

    // Remembered: a later rotation of the secret needs no new consent.
    const rotated = await settings.saveCredentials('sandbox', { clientSecret: 'cfsk_ma_test_rotated0000000000000000000000000' });
    expect(rotated.ok).toBe(true);
    // Per profile: Production has not been allowed.
    const prod = await settings.saveCredentials('production', PRODUCTION_KEYS);
    expect(prod.ok).toBe(false);

    const creds = await settings.getCredentials('sandbox');
    expect(creds).toEqual({
      ok: true,
      data: { clientId: SANDBOX_KEYS.clientId, clientSecret: 'cfsk_ma_test_rotated0000000000000000000000000', baseUrl: 'https://sandbox.cashfree.com/verification' },
    });

    const keyFile = join(dir, WEAK_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // A new process (new service, same files) reads the same keys.
    const again = openService(dir);
    const reread = await again.getCredentials('sandbox');
    expect(reread.ok && reread.data.clientId).toBe(SANDBOX_KEYS.clientId);
  });

  test('secrets never appear in clear on disk, in public settings or in the export', async () => {
    const dir = tempDir('weak-scan');
    const settings = openService(dir);
    const pem = makePublicKeyPem();
    await settings.saveCredentials('sandbox', { ...SANDBOX_KEYS, publicKeyPem: pem, allowWeak: true });
    await settings.saveCredentials('production', { ...PRODUCTION_KEYS, allowWeak: true });
    const needles = secretNeedles(SANDBOX_KEYS.clientId, SANDBOX_KEYS.clientSecret, PRODUCTION_KEYS.clientId, PRODUCTION_KEYS.clientSecret);
    const pemBody = pem.split('\n')[2] ?? '';
    expect(pemBody.length).toBeGreaterThan(40);
    needles.push(pemBody);

    const files = readAllFiles(dir);
    expect(files.map((f) => f.path).sort()).toEqual([join(dir, WEAK_KEY_FILE), settingsFilePath(dir)].sort());
    for (const file of files) expect(findSecretsIn(file.text, needles)).toEqual([]);
    expect(findSecretsIn(JSON.stringify(settings.getPublicSettings()), needles)).toEqual([]);
    expect(findSecretsIn(settings.exportSettingsJson(), needles)).toEqual([]);
    expect(settings.getPublicSettings().profiles.sandbox.hasPublicKey).toBe(true);
    const creds = await settings.getCredentials('sandbox');
    expect(creds.ok && creds.data.publicKeyPem).toBe(pem.trim());
  });

  test('a tampered ciphertext reads as unreadable keys, without the cipher error', async () => {
    const dir = tempDir('weak-tamper');
    const settings = openService(dir);
    await settings.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: true });
    const doc = SettingsDoc.parse(readDoc(dir));
    const cipher = doc.profiles.sandbox.secrets.clientSecret ?? '';
    const bytes = Buffer.from(cipher, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    doc.profiles.sandbox.secrets.clientSecret = bytes.toString('base64');
    writeFileSync(settingsFilePath(dir), JSON.stringify(doc));
    const creds = await settings.getCredentials('sandbox');
    expect(creds.ok).toBe(false);
    if (!creds.ok) {
      expect(creds.error.code).toBe('not_configured');
      expect(creds.error.message).toMatch(/Enter them again/);
    }
  });
});

describe('credentials', () => {
  test('saving, partial updates, removing the public key and deleting', async () => {
    const dir = tempDir('creds');
    const settings = openService(dir);
    const pem = makePublicKeyPem();
    expect((await settings.saveCredentials('sandbox', { clientId: SANDBOX_KEYS.clientId, allowWeak: true })).ok).toBe(true);
    expect(settings.getPublicSettings().profiles.sandbox.configured).toBe(false);
    expect((await settings.getCredentials('sandbox')).ok).toBe(false);

    expect((await settings.saveCredentials('sandbox', { clientSecret: SANDBOX_KEYS.clientSecret, publicKeyPem: pem })).ok).toBe(true);
    let creds = await settings.getCredentials('sandbox');
    expect(creds.ok && creds.data).toEqual({ ...SANDBOX_KEYS, publicKeyPem: pem.trim(), baseUrl: 'https://sandbox.cashfree.com/verification' });

    expect((await settings.saveCredentials('sandbox', { publicKeyPem: null })).ok).toBe(true);
    creds = await settings.getCredentials('sandbox');
    expect(creds.ok && 'publicKeyPem' in creds.data).toBe(false);
    expect(settings.getPublicSettings().profiles.sandbox.hasPublicKey).toBe(false);

    const before = SettingsDoc.parse(readDoc(dir)).profiles.sandbox.secrets;
    expect(before.clientSecret).not.toBeNull();
    const deleted = settings.deleteCredentials('sandbox');
    expect(deleted.ok && deleted.data).toMatchObject({ configured: false, clientIdHint: null, weakAllowed: true });
    const after = SettingsDoc.parse(readDoc(dir)).profiles.sandbox.secrets;
    expect(after).toEqual({ clientId: null, clientSecret: null, publicKeyPem: null });
    expect(readFileSync(settingsFilePath(dir), 'utf8')).not.toContain(before.clientSecret ?? '-');
    const gone = await settings.getCredentials('sandbox');
    expect(!gone.ok && gone.error.code).toBe('not_configured');
  });

  test('refuses bad input with plain messages that do not echo it', async () => {
    const settings = openService(tempDir('bad-input'));
    const demo = await settings.saveCredentials('demo', { ...SANDBOX_KEYS, allowWeak: true });
    expect(!demo.ok && demo.error.code).toBe('invalid_input');
    const spaced = await settings.saveCredentials('sandbox', { clientId: 'TEST 123', allowWeak: true });
    expect(!spaced.ok && spaced.error.message).toMatch(/^The client id contains a space;/);
    const notPem = await settings.saveCredentials('sandbox', { ...SANDBOX_KEYS, publicKeyPem: 'secret-looking-garbage', allowWeak: true });
    expect(!notPem.ok && notPem.error.code).toBe('invalid_input');
    expect(!notPem.ok && notPem.error.message).not.toContain('secret-looking-garbage');
    const wrongEnv = await settings.saveCredentials('production', { ...SANDBOX_KEYS, allowWeak: true });
    expect(!wrongEnv.ok && wrongEnv.error.code).toBe('wrong_environment');
    expect(!wrongEnv.ok && wrongEnv.error.message).not.toContain(SANDBOX_KEYS.clientSecret);
    const reverse = await settings.saveCredentials('sandbox', { ...PRODUCTION_KEYS, allowWeak: true });
    expect(!reverse.ok && reverse.error.code).toBe('wrong_environment');
    expect(settings.getPublicSettings().profiles.production.configured).toBe(false);
  });

  test('custom base URL: https or loopback only, and it is where the keys are used', async () => {
    const settings = openService(tempDir('base-url'));
    expect((await settings.setCustomBaseUrl('production', 'http://proxy.corp.example/verification')).ok).toBe(false);
    expect((await settings.setCustomBaseUrl('production', 'https://user:pw@proxy.corp.example')).ok).toBe(false);
    const set = await settings.setCustomBaseUrl('production', 'https://cf-proxy.corp.example/verification/');
    expect(set.ok && set.data).toMatchObject({ baseUrl: 'https://cf-proxy.corp.example/verification', customBaseUrl: 'https://cf-proxy.corp.example/verification' });
    expect((await settings.setCustomBaseUrl('sandbox', 'http://127.0.0.1:8080')).ok).toBe(true);
    await settings.saveCredentials('production', { ...PRODUCTION_KEYS, allowWeak: true });
    const creds = await settings.getCredentials('production');
    expect(creds.ok && creds.data.baseUrl).toBe('https://cf-proxy.corp.example/verification');
    expect((await settings.setCustomBaseUrl('production', null)).ok).toBe(true);
    expect(settings.getPublicSettings().profiles.production.baseUrl).toBe('https://api.cashfree.com/verification');
  });
});

describe('profiles', () => {
  test('the first switch to Production needs confirmation, later ones do not', () => {
    const dir = tempDir('confirm');
    const settings = openService(dir);
    const first = settings.setActiveProfile('production');
    expect(first.ok && first.data.status).toBe('needs_confirmation');
    expect(settings.getPublicSettings().activeProfile).toBe('demo');
    expect(settings.setActiveProfile('sandbox')).toEqual({ ok: true, data: { status: 'switched', activeProfile: 'sandbox' } });
    expect(settings.setActiveProfile('production', { confirmProduction: true })).toEqual({ ok: true, data: { status: 'switched', activeProfile: 'production' } });
    expect(settings.setActiveProfile('demo').ok).toBe(true);
    expect(openService(dir).setActiveProfile('production')).toEqual({ ok: true, data: { status: 'switched', activeProfile: 'production' } });
    expect(settings.getPublicSettings()).toMatchObject({ activeProfile: 'production', productionConfirmed: true });
  });

  test('preferences update field by field and refuse unknown fields', () => {
    const settings = openService(tempDir('prefs'));
    const updated = settings.updatePreferences({ clipboardClearSeconds: 15, theme: 'dark' });
    expect(updated.ok && updated.data).toMatchObject({ clipboardClearSeconds: 15, theme: 'dark', retentionDays: 180 });
    expect(settings.updatePreferences({ theme: 'purple' }).ok).toBe(false);
    expect(settings.updatePreferences({ clientSecret: 'x' }).ok).toBe(false);
    expect(settings.getPreferences().theme).toBe('dark');
  });

  test('a template without the link, or with an address or link of its own, is refused at save', () => {
    const settings = openService(tempDir('templates'));
    for (const bad of ['Hi {name}, pay soon', 'Pay {link} or upi://pay?pa=someone@upi', 'Pay at https://evil.example {link}', 'Hi {nmae} {link}']) {
      const r = settings.updatePreferences({ messageTemplates: { English: bad } });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('messageTemplates');
    }
    expect(settings.updatePreferences({ messageTemplates: { English: 'Hi {name}: {page_link}' } }).ok).toBe(true);
    expect(settings.getPreferences().messageTemplates.English).toBe('Hi {name}: {page_link}');
  });
});

describe('export and import', () => {
  test('a configuration moves between machines without any secret, and import keeps stored keys', async () => {
    const leadDir = tempDir('lead');
    const lead = openService(leadDir, () => new Date('2026-11-25T10:00:00Z'));
    await lead.saveCredentials('production', { ...PRODUCTION_KEYS, allowWeak: true });
    await lead.setCustomBaseUrl('production', 'https://cf-proxy.corp.example/verification');
    lead.updatePreferences({ retentionDays: 30, messageTemplates: { link: 'Pay here: {link}' }, globalShortcut: '' });
    const json = lead.exportSettingsJson();
    expect(findSecretsIn(json, secretNeedles(PRODUCTION_KEYS.clientId, PRODUCTION_KEYS.clientSecret))).toEqual([]);
    expect(json).not.toMatch(/clientSecret|clientId|secrets|ciphertext/i);
    const exported = JSON.parse(json);
    expect(exported).toMatchObject({ format: 'rpd-desk-settings', version: 1, exportedAt: '2026-11-25T10:00:00.000Z' });

    const agentDir = tempDir('agent');
    const agent = openService(agentDir);
    await agent.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: true });
    const storedBefore = SettingsDoc.parse(readDoc(agentDir)).profiles;
    const preview = agent.previewImport(json);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.changes.map((c) => c.id).sort()).toEqual(
      ['address.production', 'preference.globalShortcut', 'preference.retentionDays', 'template.English', 'template.Hindi', 'template.link'].sort(),
    );
    const imported = await agent.importSettings(json, preview.data.changes.map((c) => c.id));
    expect(imported.ok).toBe(true);
    const pub = agent.getPublicSettings();
    expect(pub.preferences).toMatchObject({ retentionDays: 30, messageTemplates: { link: 'Pay here: {link}' }, globalShortcut: '' });
    expect(pub.profiles.production).toMatchObject({ customBaseUrl: 'https://cf-proxy.corp.example/verification', configured: false });
    expect(pub.activeProfile).toBe('demo');
    const storedAfter = SettingsDoc.parse(readDoc(agentDir)).profiles;
    expect(storedAfter.sandbox.secrets).toEqual(storedBefore.sandbox.secrets);
    expect(storedAfter.production.secrets).toEqual(storedBefore.production.secrets);
    const creds = await agent.getCredentials('sandbox');
    expect(creds.ok && creds.data.clientSecret).toBe(SANDBOX_KEYS.clientSecret);
  });

  test('an import carrying a secret or anything unexpected is refused whole', async () => {
    const settings = openService(tempDir('import-bad'));
    const valid = JSON.parse(settings.exportSettingsJson());
    const withSecret = { ...valid, profiles: { production: { customBaseUrl: null, clientSecret: PRODUCTION_KEYS.clientSecret } } };
    const answer = settings.previewImport(JSON.stringify(withSecret));
    expect(!answer.ok && answer.error.code).toBe('invalid_input');
    expect(!answer.ok && answer.error.message).not.toContain(PRODUCTION_KEYS.clientSecret);
    expect((await settings.importSettings(JSON.stringify(withSecret), [])).ok).toBe(false);
    expect(settings.previewImport('{not json').ok).toBe(false);
    expect(settings.previewImport({ ...valid, preferences: { clientSecret: 'x' } }).ok).toBe(false);
    expect(settings.previewImport({ ...valid, format: 'something-else' }).ok).toBe(false);
    // A bad value is listed as refused, with the reason Settings gives, and cannot be applied.
    const badValue = { ...valid, preferences: { retentionDays: -1 } };
    const preview = settings.previewImport(badValue);
    expect(preview.ok && preview.data.changes).toEqual([expect.objectContaining({ id: 'preference.retentionDays', refused: expect.stringMatching(/retentionDays/) })]);
    expect((await settings.importSettings(badValue, ['preference.retentionDays'])).ok).toBe(false);
    expect(settings.getPreferences().retentionDays).toBe(180);
  });

  test('import lists every change with what it means, and applies only the confirmed ones', async () => {
    const dir = tempDir('import-confirm');
    const settings = openService(dir);
    await settings.saveCredentials('production', { ...PRODUCTION_KEYS, allowWeak: true });
    const file = {
      ...JSON.parse(settings.exportSettingsJson()),
      profiles: { production: { customBaseUrl: 'https://rpd.evil.example/verification' } },
      preferences: {
        messageTemplates: { ...DEFAULT_MESSAGE_TEMPLATES, Fixed: 'Pay to upi://pay?pa=someone@upi now', Long: `Pay {link} ${'x'.repeat(2001)}` },
        clipboardClearSeconds: 0,
        autoUpdate: false,
        theme: 'dark',
      },
    };
    const preview = settings.previewImport(JSON.stringify(file));
    if (!preview.ok) throw new Error(preview.error.message);
    const byId = Object.fromEntries(preview.data.changes.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['address.production', 'preference.autoUpdate', 'preference.clipboardClearSeconds', 'preference.theme', 'template.Fixed', 'template.Long'].sort());
    expect(byId['address.production']).toMatchObject({
      from: 'https://api.cashfree.com/verification',
      to: 'https://rpd.evil.example/verification',
      warning: expect.stringMatching(/would go to rpd\.evil\.example instead of Cashfree.*client secret is removed/),
    });
    expect(byId['preference.clipboardClearSeconds']).toMatchObject({ from: '60', to: '0', warning: expect.stringMatching(/clipboard/) });
    expect(byId['preference.autoUpdate']).toMatchObject({ from: 'on', to: 'off', warning: expect.stringMatching(/security fixes/) });
    // The checks saving a template makes refuse it here too: too long, or a fixed UPI address
    // with no link placeholder, so the customer would pay someone else.
    expect(byId['template.Long']?.refused).toMatch(/messageTemplates/);
    expect(byId['template.Fixed']?.refused).toMatch(/needs \{page_link\} or \{link\}/);
    expect((await settings.importSettings(JSON.stringify(file), ['template.Fixed'])).ok).toBe(false);

    expect((await settings.importSettings(JSON.stringify(file), ['template.Long'])).ok).toBe(false);
    // Template names are names, not object keys with a meaning.
    const odd = { ...file, preferences: { messageTemplates: { ...DEFAULT_MESSAGE_TEMPLATES, constructor: 'Pay {link}' } } };
    const oddPreview = settings.previewImport(JSON.stringify(odd));
    expect(oddPreview.ok && oddPreview.data.changes.find((c) => c.id === 'template.constructor')).toMatchObject({ from: null, to: 'Pay {link}' });
    expect(settings.previewImport(JSON.stringify(odd).replace('"constructor"', '"__proto__"')).ok).toBe(true);
    expect((await settings.importSettings(JSON.stringify(file), ['preference.nonsense'])).ok).toBe(false);
    const applied = await settings.importSettings(JSON.stringify(file), ['preference.theme']);
    expect(applied.ok && applied.data.preferences).toMatchObject({ theme: 'dark', clipboardClearSeconds: 60, autoUpdate: true });
    expect(applied.ok && Object.keys(applied.data.preferences.messageTemplates)).toEqual(Object.keys(DEFAULT_MESSAGE_TEMPLATES));
    expect(applied.ok && applied.data.profiles.production).toMatchObject({ customBaseUrl: null, configured: true });

    // Confirming the address moves it and removes the secret entered for Cashfree's own.
    const moved = await settings.importSettings(JSON.stringify(file), ['address.production']);
    expect(moved.ok && moved.data.profiles.production).toMatchObject({ baseUrl: 'https://rpd.evil.example/verification', configured: false });
    expect((await settings.getCredentials('production')).ok).toBe(false);
  });
});

describe('damaged or old settings files', () => {
  const now = () => new Date('2026-11-25T11:22:33.444Z');

  test('a file that is not JSON is moved aside with a notice, not silently reset', () => {
    const dir = tempDir('corrupt-json');
    writeFileSync(settingsFilePath(dir), '{"schemaVersion": 2, "activeProfile": "sandb');
    const settings = openService(dir, now);
    const aside = `${settingsFilePath(dir)}.corrupt-2026-11-25T11-22-33-444Z`;
    expect(readFileSync(aside, 'utf8')).toBe('{"schemaVersion": 2, "activeProfile": "sandb');
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toContain(aside);
    expect(settings.notices[0]).toContain('not valid JSON');
    expect(settings.getPublicSettings().activeProfile).toBe('demo');
    expect(settings.takeNotices()).toHaveLength(1);
    expect(settings.notices).toEqual([]);
  });

  test('a file failing the schema is moved aside with a notice naming the field, not its value', () => {
    const dir = tempDir('corrupt-schema');
    const doc = SettingsDoc.parse(readDocAfterOpen(dir));
    const broken = { ...doc, activeProfile: 'staging' };
    writeFileSync(settingsFilePath(dir), JSON.stringify(broken));
    const settings = openService(dir, now);
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    expect(settings.notices[0]).toContain('activeProfile');
    expect(settings.notices[0]).not.toContain('staging');
  });

  test('a file damaged while the app runs is moved aside on the next read', () => {
    const dir = tempDir('corrupt-live');
    const settings = openService(dir, now);
    writeFileSync(settingsFilePath(dir), 'garbage');
    expect(settings.getPublicSettings().activeProfile).toBe('demo');
    expect(settings.notices).toHaveLength(1);
    expect(existsSync(`${settingsFilePath(dir)}.corrupt-2026-11-25T11-22-33-444Z`)).toBe(true);
    expect(SettingsDoc.safeParse(readDoc(dir)).success).toBe(true);
  });

  test('a file from a newer app version is kept aside rather than misread', () => {
    const dir = tempDir('newer');
    writeFileSync(settingsFilePath(dir), JSON.stringify({ schemaVersion: SETTINGS_VERSION + 1, whatever: true }));
    const settings = openService(dir, now);
    expect(settings.notices[0]).toContain('newer version');
  });

  test('version 1 settings migrate: profiles, keys, hint and flat preferences carry over', async () => {
    const dir = tempDir('migrate');
    // Ciphertext written by the key-file cipher of this folder, as version 1 would have stored it.
    const cipher = createKeyFileCipher(join(dir, WEAK_KEY_FILE));
    const v1 = {
      version: 1,
      activeProfile: 'production',
      profiles: {
        production: {
          clientId: await cipher.encrypt(PRODUCTION_KEYS.clientId),
          clientSecret: await cipher.encrypt(PRODUCTION_KEYS.clientSecret),
          clientIdLast4: PRODUCTION_KEYS.clientId.slice(-4),
          baseUrl: 'https://cf-proxy.corp.example/verification',
        },
      },
      templates: { link: 'Old template {link}' },
      clipboardClearSeconds: 30,
      theme: 'dark',
    };
    writeFileSync(settingsFilePath(dir), JSON.stringify(v1));
    const { store, notices } = openNodeSettingsStore(dir);
    expect(notices).toEqual([]);
    // Version 1 only ever stored through the OS keychain; read it back with a cipher that says so.
    const settings = answering(new SettingsService({ store, cipher: { ...cipher, scheme: 'safe_storage', keychain: 'keychain' } }));
    const pub = settings.getPublicSettings();
    expect(pub).toMatchObject({ activeProfile: 'production', productionConfirmed: true });
    expect(pub.preferences).toMatchObject({ clipboardClearSeconds: 30, theme: 'dark', messageTemplates: { link: 'Old template {link}' }, retentionDays: 180 });
    expect(pub.profiles.production).toMatchObject({
      configured: true,
      keychain: 'keychain',
      clientIdHint: `…${PRODUCTION_KEYS.clientId.slice(-4)}`,
      customBaseUrl: 'https://cf-proxy.corp.example/verification',
    });
    const onDisk = SettingsDoc.parse(readDoc(dir));
    expect(onDisk.schemaVersion).toBe(SETTINGS_VERSION);
    const creds = await settings.getCredentials('production');
    expect(creds.ok && creds.data.clientSecret).toBe(PRODUCTION_KEYS.clientSecret);
  });
});

function readDocAfterOpen(dir: string): unknown {
  openService(dir);
  return readDoc(dir);
}
