// `completion` through its verb: parse checks the shell (a usage error otherwise), run returns its script.
import { describe, expect, it } from 'vitest';
import * as completion from '../../../src/commands/completion/completion.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('completion (verb)', () => {
  it('parse takes bash, zsh or fish; another shell is a usage error', () => {
    expect(completion.SHELLS.map((shell) => completion.parse([shell]))).toEqual([{ shell: 'bash' }, { shell: 'zsh' }, { shell: 'fish' }]);
    expect(() => completion.parse(['tcsh'])).toThrow(/tcsh/);
  });

  it('run returns the script that hands the words typed to precrm __complete', async () => {
    const scripts = await withContext(await tempStore(), async (ctx) => Promise.all(completion.SHELLS.map((shell) => completion.run(ctx, { shell }))));
    expect(scripts[0]).toMatch(/^# precrm completion for bash/);
    expect(scripts[0]).toContain('complete -F _precrm_completion precrm');
    expect(scripts[1]).toMatch(/^#compdef precrm/);
    expect(scripts[2]).toContain("complete -c precrm -f -a '(__precrm_complete | string split0)'");
    for (const s of scripts) expect(s).toContain('precrm __complete');
  });

  it('prints the script on stdout and nothing else; a bad shell is exit 2 (argv level)', async () => {
    const store = await tempStore();
    const script = await withContext(store, async (ctx) => completion.run(ctx, { shell: 'fish' }));
    expect(await run(store, ['completion', 'fish'])).toEqual({ code: 0, stdout: script, stderr: '' });
    expect((await run(store, ['completion', 'tcsh'])).code).toBe(2);
  });
});
