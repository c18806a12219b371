/** A small structured logger: one JSON line per event, so a technician can grep kiosk logs. */
export interface Logger {
  info(area: string, message: string, detail?: unknown): void;
  warn(area: string, message: string, detail?: unknown): void;
  error(area: string, message: string, detail?: unknown): void;
}

type Level = 'info' | 'warn' | 'error';

function describe(detail: unknown): unknown {
  if (detail instanceof Error) return { name: detail.name, message: detail.message, stack: detail.stack };
  return detail;
}

/** Logs to a writable (stderr by default) as JSON lines. */
export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (level: Level) => (area: string, message: string, detail?: unknown) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, area, message };
    if (detail !== undefined) entry.detail = describe(detail);
    write(JSON.stringify(entry) + '\n');
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps entries in memory, for tests. */
export function createMemoryLogger(): Logger & { entries: { level: Level; area: string; message: string }[] } {
  const entries: { level: Level; area: string; message: string }[] = [];
  const push = (level: Level) => (area: string, message: string) => void entries.push({ level, area, message });
  return { entries, info: push('info'), warn: push('warn'), error: push('error') };
}
