// Decides which Electronegativity findings fail the audit: MEDIUM or HIGH severity, unless a
// reviewed allow-list entry (with its reason) covers them. Pure, so the rule itself is tested.
import { z } from 'zod';

export const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITY_ORDER)[number];
export const FAIL_AT: Severity = 'MEDIUM';

/** The part of an Electronegativity issue the audit uses. */
export const Finding = z.object({
  id: z.string(),
  /** Path relative to the repository root, with forward slashes. */
  file: z.string(),
  line: z.number().int().nullable(),
  sample: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITY_ORDER),
  confidence: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const AllowEntry = z
  .object({
    id: z.string().min(1),
    /** Files the entry covers (repository-relative; `*` matches within one path segment, `**` across). */
    files: z.array(z.string().min(1)).min(1),
    /** The finding's code sample must contain this text, so the entry covers that one call only. */
    sampleIncludes: z.string().min(1),
    /** Why this finding is acceptable: reviewed, not a formality. */
    reason: z.string().min(20),
  })
  .strict();
export type AllowEntry = z.infer<typeof AllowEntry>;
export const AllowList = z.array(AllowEntry);

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

export function allowEntryCovers(entry: AllowEntry, finding: Finding): boolean {
  return (
    entry.id === finding.id &&
    finding.sample.includes(entry.sampleIncludes) &&
    entry.files.some((glob) => globToRegExp(glob).test(finding.file))
  );
}

export interface AuditOutcome {
  failing: Finding[];
  allowed: Array<{ finding: Finding; entry: AllowEntry }>;
  /** Below the failing severity: printed, never failing. */
  notes: Finding[];
  /** Allow-list entries that matched nothing in this run (stale, or for inputs not scanned). */
  unused: AllowEntry[];
}

export function evaluateFindings(findings: readonly Finding[], allowList: readonly AllowEntry[]): AuditOutcome {
  const failAt = SEVERITY_ORDER.indexOf(FAIL_AT);
  const used = new Set<AllowEntry>();
  const outcome: AuditOutcome = { failing: [], allowed: [], notes: [], unused: [] };
  for (const finding of findings) {
    if (SEVERITY_ORDER.indexOf(finding.severity) < failAt) {
      outcome.notes.push(finding);
      continue;
    }
    const entry = allowList.find((e) => allowEntryCovers(e, finding));
    if (entry) {
      used.add(entry);
      outcome.allowed.push({ finding, entry });
    } else {
      outcome.failing.push(finding);
    }
  }
  outcome.unused = allowList.filter((e) => !used.has(e));
  return outcome;
}
