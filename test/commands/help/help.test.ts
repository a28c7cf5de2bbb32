// `help` through its verb: parse finds the command the words name, or a topic of the manual (a usage error when
// neither), with the width to wrap it to; show prints commander's help or the topic.
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../../src/cli.js';
import * as help from '../../../src/commands/help/help.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('help (verb)', () => {
  it('parse finds a command by its words or alias, the program for none, and a topic in any case', async () => {
    await withContext(await tempStore(), async (ctx) => {
      const program = createProgram(ctx);
      const named = (words: string[]) => {
        const o = help.parse(program, [words], ctx);
        return o.kind === 'command' ? o.command.name() : o.kind;
      };
      expect([named(['touch', 'log']), named(['survey', 'ls']), named([])]).toEqual(['log', 'list', 'precrm']);
      expect(help.parse(program, [['Exit-Codes']], ctx)).toEqual({ kind: 'topic', topic: 'exit-codes', width: 80 });
      expect(() => help.parse(program, [['nope']], ctx)).toThrow(`no command or help topic "nope" (topics: ${help.TOPICS.join(', ')}; commands: precrm --help)`);
    });
  });

  it('run decides nothing more; show prints commander\'s help for a command and the manual for a topic', async () => {
    await withContext(await tempStore(), async (ctx) => {
      const program = createProgram(ctx);
      const topic = help.parse(program, [['dates']], ctx);
      expect(await help.run(ctx, topic)).toBe(topic);
      expect(help.show(topic)).toEqual([{ kind: 'loaded', load: expect.any(Function) }]);
      const command = help.parse(program, [['due']], ctx);
      expect(help.show(command)).toEqual([{ kind: 'help', command: program.commands.find((c) => c.name() === 'due') }]);
    });
  });

  it('help <command> prints the same as <command> --help (argv level)', async () => {
    const store = await tempStore();
    const [help, flag] = [await run(store, ['help', 'survey', 'respond']), await run(store, ['survey', 'respond', '--help'])];
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).toContain('precrm survey respond "first impressions" --prospect ravi');
  });
});
