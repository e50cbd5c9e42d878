import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ProfileBanner } from '../../renderer/src/features/shell/ProfileBanner.tsx';

afterEach(cleanup);

describe('Profile banner', () => {
  it.each([
    ['demo', 'Demo profile', /no money moves/],
    ['sandbox', 'Sandbox profile', /test links only/],
    ['production', 'Production profile', /real money/],
  ] as const)('names the %s profile in its own colour', (profile, label, detail) => {
    const { container } = render(<ProfileBanner profile={profile} onHelp={() => {}} />);
    expect(screen.getByLabelText('Active profile').textContent).toBe(label);
    expect(container.textContent).toMatch(detail);
    expect(container.querySelector('header')?.className).toBe(`banner banner-${profile}`);
  });

  it('opens the keyboard help', () => {
    let opened = 0;
    render(<ProfileBanner profile="demo" onHelp={() => opened++} />);
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(opened).toBe(1);
  });
});
