/**
 * The events' contract, class by class: the name, how far each one travels (bubbles, composed),
 * which ones a host may cancel, and that the typed fields are the ones in `detail`.
 */
import { expect } from '@open-wc/testing';
import { UsersApiError, type User } from '@jt-users/sdk';
import {
  JtAccessDeniedEvent,
  JtCancelEvent,
  JtConfirmEvent,
  JtErrorEvent,
  JtEvent,
  JtUserRoleChangeEvent,
  JtUserRoleChangedEvent,
  JtUserSelectEvent,
  JtUserStatusChangeEvent,
  JtUserStatusChangedEvent,
} from '@jt-users/elements';

const user: User = {
  id: 'usr_events',
  name: 'Jane Doe',
  email: 'jane@example.com',
  role: 'member',
  status: 'active',
  createdAt: '2025-01-02T03:04:05.000Z',
  lastLoginAt: null,
  statusChangedAt: null,
  statusChangedBy: null,
};
const opener = document.createElement('button');
const error = new UsersApiError('network', 'The network failed.');

/** Each event, its name, how it travels, and its detail. */
const cases = [
  {
    event: new JtUserStatusChangeEvent({ user, status: 'inactive' }),
    type: 'jt-user-status-change',
    composed: true,
    cancelable: true,
    detail: { user, status: 'inactive' },
  },
  {
    event: new JtUserStatusChangedEvent({ user, previousStatus: 'inactive' }),
    type: 'jt-user-status-changed',
    composed: true,
    cancelable: false,
    detail: { user, previousStatus: 'inactive' },
  },
  {
    event: new JtUserRoleChangeEvent({ user, role: 'manager' }),
    type: 'jt-user-role-change',
    composed: true,
    cancelable: true,
    detail: { user, role: 'manager' },
  },
  {
    event: new JtUserRoleChangedEvent({ user, previousRole: 'admin' }),
    type: 'jt-user-role-changed',
    composed: true,
    cancelable: false,
    detail: { user, previousRole: 'admin' },
  },
  {
    event: new JtUserSelectEvent({ user }),
    type: 'jt-user-select',
    composed: true,
    cancelable: false,
    detail: { user },
  },
  {
    event: new JtAccessDeniedEvent({ currentUser: null }),
    type: 'jt-access-denied',
    composed: true,
    cancelable: false,
    detail: { currentUser: null },
  },
  {
    event: new JtErrorEvent({ error, operation: 'status' }),
    type: 'jt-error',
    composed: true,
    cancelable: false,
    detail: { error, operation: 'status' },
  },
  {
    event: new JtConfirmEvent({ opener }),
    type: 'jt-confirm',
    composed: false,
    cancelable: false,
    detail: { opener },
  },
  {
    event: new JtCancelEvent({ opener: null }),
    type: 'jt-cancel',
    composed: false,
    cancelable: false,
    detail: { opener: null },
  },
] as const;

describe('events', () => {
  for (const { event, type, composed, cancelable, detail } of cases) {
    it(`${type}: named by its class, bubbles, ${composed ? 'composed' : 'not composed'}, ${cancelable ? 'cancelable' : 'not cancelable'}`, () => {
      expect(event.type).to.equal(type);
      expect((event.constructor as typeof JtEvent).eventName).to.equal(type);
      expect(event).to.be.instanceOf(JtEvent);
      expect(event).to.be.instanceOf(CustomEvent);
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, composed, cancelable]);
      expect(event.detail).to.deep.equal(detail);
      // Every field of the detail is a typed field of the event too, with the same value.
      for (const [field, value] of Object.entries(detail)) {
        expect((event as unknown as Record<string, unknown>)[field], field).to.equal(value);
      }
    });
  }

  it('a cancelable event reports preventDefault() to the element that fired it', () => {
    const target = document.createElement('div');
    target.addEventListener('jt-user-status-change', (event) => event.preventDefault());
    expect(target.dispatchEvent(new JtUserStatusChangeEvent({ user, status: 'inactive' }))).to.equal(false);
    expect(target.dispatchEvent(new JtUserStatusChangedEvent({ user, previousStatus: 'active' }))).to.equal(
      true,
    );
  });
});
