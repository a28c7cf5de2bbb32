// The named points of an upgrade where a test may stop the process, to kill it there (test/store/upgrade-safety.test.ts).

/**
 * A named point of an upgrade of an existing store. When PRECRM_TEST_UPGRADE_STOP names it, the process says so on
 * stderr and waits there, holding whatever it holds, until it is killed: the tests kill an upgrade at each step.
 */
export async function upgradeStep(name: string): Promise<void> {
  if (stop === undefined || stop.at !== name) return;
  stop.say(`upgrade stopped at ${name}\n`);
  await new Promise(() => setInterval(() => undefined, 60_000));
}

let stop: { at: string; say: (text: string) => void } | undefined;

/** Where a test stops upgrades (PRECRM_TEST_UPGRADE_STOP, read by main.ts), and how it is said. */
export function stopUpgradesAt(at: string | undefined, say: (text: string) => void): void {
  stop = at === undefined || at === '' ? undefined : { at, say };
}
