// Settings, Browser integration: one switch per browser, answered by main (test/renderer/fake-api.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SettingsButton } from '../../renderer/src/features/settings/SettingsDialog.tsx';
import { createSettingsStore } from '../../renderer/src/features/settings/store.ts';
import { FakeMain } from './fake-api.ts';

afterEach(cleanup);

describe('Browser integration in Settings', () => {
  it('shows each browser and turns one on through browser.setIntegration', async () => {
    const main = new FakeMain();
    main.browsers.browsers[2]!.on = true;
    render(<SettingsButton store={createSettingsStore(main.api())} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const section = within(dialog).getByRole('heading', { name: 'Browser integration' }).parentElement!;
    const chromium = await within(section).findByRole('checkbox', { name: 'Chromium' });
    expect((chromium as HTMLInputElement).checked).toBe(false);
    expect((within(section).getByRole('checkbox', { name: 'Microsoft Edge' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(chromium);
    await waitFor(() => expect((within(section).getByRole('checkbox', { name: 'Chromium' }) as HTMLInputElement).checked).toBe(true));
    expect(main.callsTo('browser.setIntegration')).toEqual([{ browser: 'chromium', on: true }]);
  });
});
