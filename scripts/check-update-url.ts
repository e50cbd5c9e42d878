// electron-builder `beforePack` hook: refuses to build an app whose update address is not https.
// electron-updater on Linux checks an update only against a hash served by the same server, so
// whoever can change plain-http traffic could install anything.

/** Why `url` cannot be the update address, or null when it can. */
export function updateUrlProblem(url: string | undefined): string | null {
  if (!url) return 'RPD_DESK_UPDATE_URL is not set: it names the https:// address the app checks for updates.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `RPD_DESK_UPDATE_URL is not an address: "${url}".`;
  }
  if (parsed.protocol !== 'https:') return `RPD_DESK_UPDATE_URL must start with https:// (it is ${parsed.protocol}//...): updates over plain http can be replaced on the way.`;
  if (parsed.username || parsed.password) return 'RPD_DESK_UPDATE_URL must not carry a user name or password: they would ship inside the app.';
  return null;
}

export default function beforePack(): void {
  const problem = updateUrlProblem(process.env.RPD_DESK_UPDATE_URL);
  if (problem) throw new Error(problem);
}
