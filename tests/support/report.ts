/**
 * Browser side of the README reliability table and of request logging.
 * Call `record` at the end of a test, after its assertions: the row appears in the
 * table only when the test got that far.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface ReportRow {
  /** Stable key, e.g. 'xss.checklist'; rows are sorted by it. */
  id: string;
  /** What was checked, in plain words. */
  check: string;
  /** What was tried, with the numbers, e.g. '103 payloads × 9 text paths'. */
  figure: string;
}

export async function record(row: ReportRow): Promise<void> {
  await executeServerCommand('xc-report', row);
}

/** Starts logging every request the page and its frames make (browser request events). */
export async function startNetworkLog(): Promise<void> {
  await executeServerCommand('xc-network', { action: 'start' });
}

/** Stops logging; returns every URL requested since `startNetworkLog`. */
export async function stopNetworkLog(): Promise<string[]> {
  return (await executeServerCommand<string[], { action: string }>('xc-network', { action: 'stop' })) ?? [];
}

/** URLs whose origin is not the test server's (data: and blob: count as local). */
export function foreignRequests(urls: string[]): string[] {
  return urls.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== location.origin);
}
