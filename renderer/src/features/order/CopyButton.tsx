import { useEffect, useState } from 'react';

/**
 * A button that copies, and says "Copied" on itself for a moment: the confirmation appears where
 * the agent looked. The label stays first in its name, so "Copy UPI link" is still found by it.
 */
export function CopyButton({
  label,
  copy,
  disabled = false,
  className = 'secondary',
  shortcut,
  describedBy,
}: {
  label: string;
  copy: () => Promise<boolean>;
  disabled?: boolean;
  className?: string;
  shortcut?: string;
  describedBy?: string;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className={`${className} copy-button ${copied ? 'copied' : ''}`}
      disabled={disabled}
      aria-keyshortcuts={shortcut}
      aria-describedby={describedBy}
      onClick={() => void copy().then((ok) => setCopied(ok))}
    >
      {label}
      {copied && <span className="copied-mark"> ✓ Copied</span>}
    </button>
  );
}
