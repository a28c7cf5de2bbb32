import { describe, expect, it } from 'vitest';
import { replaceStore } from '../fixtures/store-builder.js';
import { run, scriptedPrompter, tempStore, storedDoc, storeBytes, storeCreated, TEST_BACKEND } from '../helpers.js';

const QUESTIONS = [
  '--question', 'expect:text:What do you expect from a neighbourhood bakery?',
  '--question', 'price:scale:How fair do our prices look?',
  '--question', 'recommend:nps:How likely are you to recommend us?',
  '--question', 'reason:choice(taste|price|friendliness|location):What brings you here?',
];

async function storeWithSurvey(): Promise<string> {
  const store = (await tempStore());
  expect((await run(store, ['survey', 'create', 'Brand', ...QUESTIONS])).code).toBe(0);
  return store;
}
const doc = (store: string) => storedDoc(store) as Promise<any>;

describe('survey create / list / show', () => {
  it('creates a survey, prints its id, and lists and shows it', async () => {
    const store = (await tempStore());
    const r = await run(store, ['survey', 'create', 'Brand', ...QUESTIONS]);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await doc(store)).surveys[0]).toEqual({
      id: 1, name: 'Brand', createdAt: '2026-03-10T12:00:00.000Z',
      questions: [
        { key: 'expect', type: 'text', text: 'What do you expect from a neighbourhood bakery?', choices: null },
        { key: 'price', type: 'scale', text: 'How fair do our prices look?', choices: null },
        { key: 'recommend', type: 'nps', text: 'How likely are you to recommend us?', choices: null },
        { key: 'reason', type: 'choice', text: 'What brings you here?', choices: ['taste', 'price', 'friendliness', 'location'] },
      ],
    });
    const list = await run(store, ['survey', 'list', '--format', 'csv']);
    expect(list.stdout).toBe('id,name,questions,responses,created_at\n1,Brand,4,0,2026-03-10T12:00:00.000Z\n');
    const show = await run(store, ['survey', 'show', 'brand', '--format', 'csv']);
    expect(show.stdout.split('\n')[4]).toBe('reason,choice,What brings you here?,taste;price;friendliness;location');
    expect(JSON.parse((await run(store, ['survey', 'show', '1', '--json'])).stdout)).toMatchObject({ name: 'Brand', responses: 0 });
  });

  it('refuses an existing name in any case with exit 4, and leaves the store alone', async () => {
    const store = await storeWithSurvey();
    const before = (await storeBytes(store));
    const r = await run(store, ['survey', 'create', 'BRAND', '--question', 'a:text']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('error: a survey named "Brand" already exists (see: precrm survey show "Brand")\n');
    expect((await storeBytes(store))).toEqual(before);
  });

  it.each([
    [['--question', 'a:stars:x'], /unknown type "stars"/],
    [['--question', 'a:text', '--question', 'A:scale'], /"a" is used twice/],
    [['--question', 'a:choice():x'], /empty choice/],
    [[], /at least one --question/],
  ])('refuses bad questions %j with exit 2 and writes nothing', async (args, message) => {
    const store = (await tempStore());
    const r = await run(store, ['survey', 'create', 'X', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect((await storeCreated(store))).toBe(false);
  });

  it('show of an unknown survey is exit 3', async () => {
    const r = await run(await storeWithSurvey(), ['survey', 'show', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: no survey is named "nope" (try: precrm survey list)\n');
  });
});

describe('survey respond', () => {
  it('records every question type from --answer, anonymous without --prospect', async () => {
    const store = await storeWithSurvey();
    const r = await run(store, ['survey', 'respond', 'brand', '--answer', 'expect= Warm bread ', '--answer', 'price=4', '--answer', 'Recommend=10', '--answer', 'reason=Taste']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await doc(store)).responses).toEqual([{
      id: 1, survey: 'Brand', prospectId: null, segment: 'anonymous', stage: null, at: '2026-03-10T12:00:00.000Z',
      answers: { expect: 'Warm bread', price: 4, recommend: 10, reason: 'taste' },
    }]);
  });

  it('without a terminal, missing answers stay unanswered (never prompts)', async () => {
    const store = await storeWithSurvey();
    const r = await run(store, ['survey', 'respond', 'Brand', '--answer', 'price=3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 question(s) unanswered');
    expect((await doc(store)).responses[0].answers).toEqual({ price: 3 });
  });

  it('with no answers at all and no terminal, exit 2 and nothing written', async () => {
    const store = await storeWithSurvey();
    const r = await run(store, ['survey', 'respond', 'Brand']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: no answers given \(use --answer key=value; keys: expect, price, recommend, reason\)/);
    expect((await doc(store)).responses).toEqual([]);
  });

  it.each([
    [['price=6'], 'error: answer "6" to question "price" (How fair do our prices look?) must be a whole number from 1 to 5'],
    [['recommend=11'], 'error: answer "11" to question "recommend" (How likely are you to recommend us?) must be a whole number from 0 to 10'],
    [['reason=cheap'], 'error: answer "cheap" to question "reason" (What brings you here?) is not one of: taste, price, friendliness, location'],
    [['expect=  '], 'error: the answer to question "expect" (What do you expect from a neighbourhood bakery?) is empty'],
    [['colour=red'], 'error: survey "Brand" has no question "colour" (keys: expect, price, recommend, reason)'],
  ])('invalid answer %j is exit 2 naming the question, nothing written', async (answers, message) => {
    const store = await storeWithSurvey();
    const r = await run(store, ['survey', 'respond', 'Brand', ...answers.flatMap((a) => ['--answer', a])]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect((await doc(store)).responses).toEqual([]);
  });

  it('an unknown survey is 3, an unknown prospect is 3', async () => {
    const store = await storeWithSurvey();
    expect((await run(store, ['survey', 'respond', 'Nope', '--answer', 'price=2'])).code).toBe(3);
    expect((await run(store, ['survey', 'respond', 'Brand', '--prospect', 'zed', '--answer', 'price=2'])).code).toBe(3);
  });

  it('keeps the segment and stage of the moment of answering when the stage changes later', async () => {
    const store = await storeWithSurvey();
    await run(store, ['prospect', 'add', 'Ravi', '--stage', 'aware']);
    await run(store, ['survey', 'respond', 'Brand', '--prospect', 'ravi', '--answer', 'recommend=6'], { now: '2026-03-11T10:00:00Z' });
    await run(store, ['prospect', 'stage', 'ravi', 'intent'], { now: '2026-03-12T10:00:00Z' });
    await run(store, ['survey', 'respond', 'Brand', '--prospect', '1', '--answer', 'recommend=9'], { now: '2026-03-13T10:00:00Z' });
    expect((await run(store, ['prospect', 'stage', 'ravi', 'lost'], { now: '2026-03-14T10:00:00Z' })).code).toBe(0);
    const rs = (await doc(store)).responses;
    expect(rs.map((r: { prospectId: number; segment: string; stage: string }) => [r.prospectId, r.segment, r.stage])).toEqual([[1, 'prospect', 'aware'], [1, 'prospect', 'intent']]);
    const byStage = await run(store, ['report', 'survey', 'Brand', '--by', 'stage', '--format', 'csv']);
    expect(byStage.stdout.split('\n').filter((l) => l.includes('recommend'))).toEqual([
      'aware,recommend,nps,1,6,-100,0:0;1:0;2:0;3:0;4:0;5:0;6:1;7:0;8:0;9:0;10:0,promoters:0;passives:0;detractors:1',
      'intent,recommend,nps,1,9,100,0:0;1:0;2:0;3:0;4:0;5:0;6:0;7:0;8:0;9:1;10:0,promoters:1;passives:0;detractors:0',
    ]);
  });

  it('records an advocate as a customer', async () => {
    const store = await storeWithSurvey();
    await run(store, ['prospect', 'add', 'Anna']);
    const raw = (await doc(store));
    raw.prospects[0].stage = 'advocate';
    raw.prospects[0].stageHistory.push({ stage: 'customer', at: '2026-03-10T12:00:00.000Z' }, { stage: 'advocate', at: '2026-03-10T12:00:00.000Z' });
    await replaceStore(store, raw);
    await run(store, ['survey', 'respond', 'Brand', '--prospect', 'anna', '--answer', 'price=5']);
    expect((await doc(store)).responses[0]).toMatchObject({ segment: 'customer', stage: 'advocate' });
  });
});

describe('survey respond in a terminal', () => {
  it('asks each missing question with the prompt of its type, in order', async () => {
    const store = await storeWithSurvey();
    const prompter = scriptedPrompter(['  a warm welcome ', 9, 'friendliness']);
    const r = await run(store, ['survey', 'respond', 'Brand', '--answer', 'price=3'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual([
      'What do you expect from a neighbourhood bakery? (empty to skip)',
      'How likely are you to recommend us? (0–10, empty to skip)',
      'What brings you here?',
    ]);
    expect((await doc(store)).responses[0].answers).toEqual({ expect: 'a warm welcome', price: 3, recommend: 9, reason: 'friendliness' });
  });

  it('a skipped question stays unanswered', async () => {
    const store = await storeWithSurvey();
    const prompter = scriptedPrompter(['', undefined, 4, '(skip)']);
    expect((await run(store, ['survey', 'respond', 'Brand'], { prompter })).code).toBe(0);
    expect((await doc(store)).responses[0].answers).toEqual({ recommend: 4 });
  });

  it('--no-input never prompts even in a terminal', async () => {
    const store = await storeWithSurvey();
    const prompter = scriptedPrompter([]);
    expect((await run(store, ['survey', 'respond', 'Brand', '--answer', 'price=1', '--no-input'], { prompter })).code).toBe(0);
    expect(prompter.asked).toEqual([]);
  });

  it('Ctrl-C at a prompt is exit 130 and writes nothing', async () => {
    const store = await storeWithSurvey();
    const prompter = scriptedPrompter([]);
    prompter.input = async () => { throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }); };
    const r = await run(store, ['survey', 'respond', 'Brand'], { prompter });
    expect(r.code).toBe(130);
    expect((await doc(store)).responses).toEqual([]);
  });
});

describe('store validation of responses', () => {
  it('a response pointing to a missing prospect or survey makes store check fail with 65 (a SQL store refuses to hold it)', async () => {
    const store = await storeWithSurvey();
    await run(store, ['survey', 'respond', 'Brand', '--answer', 'price=2']);
    const raw = (await doc(store));
    raw.responses[0].prospectId = 7;
    raw.responses[0].survey = 'Gone';
    if (TEST_BACKEND !== 'json') {
      // The foreign keys refuse the rows: such a store cannot come to be.
      await expect(replaceStore(store, raw)).rejects.toThrow();
      return;
    }
    await replaceStore(store, raw);
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('response 1 points to missing prospect 7');
    expect(r.stderr).toContain('response 1 answers missing survey "Gone"');
  });

});
