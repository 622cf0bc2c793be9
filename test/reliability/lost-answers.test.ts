/**
 * Lost answers: the server applies a change, then the connection drops before the answer
 * arrives. The SDK tries the PUT again (it sets a target value, so repeating it is safe); the
 * screen and the server must end in the new state, with exactly one change in the server's log.
 */
import { expect } from '@open-wc/testing';
import { stringsFor } from '@jt-users/elements';
import { FLOWS, serverUser, type Cell } from './flows.js';
import {
  acceptSecretToken,
  eventually,
  referenceApi,
  settle,
  someMember,
  watchPage,
  watchedClient,
  type PageWatch,
} from './support.js';

/** Quick retries: the suite checks what they end in, not how long they wait. */
const RETRY = { limit: 2, backoffMs: 10, maxDelayMs: 100 };

const CHANGED_EVENTS = ['jt-user-status-changed', 'jt-user-role-changed'] as const;

interface LostCase {
  name: string;
  /** How many answers in a row are lost. */
  lost: number;
}

const CASES: readonly LostCase[] = [
  { name: 'one answer lost: the retry ends in the new state', lost: 1 },
  { name: 'two answers lost in a row: the last retry ends in the new state', lost: 2 },
  // Every attempt is lost, so the SDK gives up: the change was applied all the same, and the
  // screen must not pretend otherwise.
  {
    name: 'every answer lost (retries spent): the screen still ends in the server’s state',
    lost: RETRY.limit + 1,
  },
];

describe('lost answers: one change recorded, screen equal to the server', () => {
  let watch: PageWatch;
  let changed: Event[];
  const onChanged = (event: Event) => changed.push(event);
  beforeEach(() => {
    watch = watchPage();
    changed = [];
    for (const name of CHANGED_EVENTS) document.addEventListener(name, onChanged);
  });
  afterEach(() => {
    watch.stop();
    for (const name of CHANGED_EVENTS) document.removeEventListener(name, onChanged);
  });

  for (const flow of FLOWS.filter((candidate) => candidate.kind === 'change')) {
    describe(flow.name, () => {
      for (const lostCase of CASES) {
        it(lostCase.name, async () => {
          const api = await referenceApi();
          acceptSecretToken(api);
          const watched = watchedClient({ retry: RETRY });
          const cell: Cell = { api, watched, lang: 'en', s: stringsFor('en'), member: someMember(api) };
          const run = await flow.prepare(cell);
          const target = flow.target!(cell);

          api.faults.loseAnswerNext(lostCase.lost, { match: run.match });
          await run.act();
          await eventually(() => watched.sent('PUT').length > 0 && run.idle(), 'the change did not settle');
          await eventually(
            () => run.facts().every(([shown, server]) => shown === server),
            'the screen did not end equal to the server',
          );
          await settle();

          expect(target.read(serverUser(cell)), 'the server applied the change').to.equal(target.to);
          expect(api.store.changes.filter((change) => change.userId === cell.member.id)).to.have.length(1);
          expect(watched.sent('PUT'), 'the lost attempts and the retry').to.have.length(
            lostCase.lost === RETRY.limit + 1 ? lostCase.lost : lostCase.lost + 1,
          );
          const facts = run.facts();
          expect(facts).to.not.be.empty;
          for (const [shown, server] of facts) expect(shown).to.equal(server);
          expect(changed, 'the change is confirmed once').to.have.length(1);
          expect(watch.errors, 'no jt-error: the change went through').to.deep.equal([]);
          expect(watch.unhandled).to.deep.equal([]);
          expect(watch.consoleErrors).to.deep.equal([]);
        });
      }
    });
  }
});
