/**
 * The User Management area of a Vue 3 app: the table, and a user's information page when a name
 * is chosen. Vue sets `client` and `userId` as DOM properties (the elements have them) and listens
 * to the elements' events through `on…` props (`onJtUserSelect` is the `jt-user-select` event);
 * the elements do everything else.
 */
import '@jt-users/elements/define';
import { defineComponent, h, onUnmounted, ref, shallowRef, toRaw, watch, type PropType } from 'vue';
import type { JtUserSelectEvent } from '@jt-users/elements';
import type { UsersClient } from '@jt-users/sdk';
import { withEvent, type EventLogEntry } from '../host-events.js';
import { HOST_TEXT, type Language } from '../host-text.js';
import { backToTable, followHistory, profileInHistory, pushProfile } from '../profile-history.js';
import { EventLog } from './EventLog.js';

/**
 * The Vue host: the table or a user's profile, switched by a ref (kept in step with the browser's
 * history), and the event log.
 */
export const App = defineComponent({
  name: 'App',
  props: {
    /** The signed-in client every element on the page shares (one client, one cache). */
    client: { type: Object as PropType<UsersClient>, required: true },
    /** The language of the host's own words (the elements follow `<html lang>`). */
    language: { type: String as PropType<Language>, default: 'en' },
  },
  setup(props) {
    // The elements keep one cache per client object: they must get the client itself, never a
    // reactive proxy of it (which would be a second object, with a second cache).
    const client = toRaw(props.client);
    // The id of the user whose profile is shown; the profile finds them in the client's cache.
    const selected = shallowRef<string | null>(profileInHistory());
    const log = ref<EventLogEntry[]>([]);
    const main = ref<HTMLElement | null>(null);

    const logEvent = (event: Event) => {
      log.value = withEvent(log.value, event);
    };
    const show = (userId: string | null) => {
      selected.value = userId;
    };
    const select = (event: JtUserSelectEvent) => {
      logEvent(event);
      pushProfile(event.user.id);
      show(event.user.id);
    };
    onUnmounted(followHistory(show));

    // A new view is like a new page: focus moves to its start, as after a route change.
    watch(selected, () => main.value?.focus(), { flush: 'post' });

    const profileView = (userId: string) => [
      h(
        'button',
        { type: 'button', class: 'back-link', onClick: () => backToTable(show) },
        HOST_TEXT[props.language].back,
      ),
      h('h1', HOST_TEXT[props.language].profileTitle),
      h('jt-user-profile', {
        client,
        userId,
        onJtUserStatusChanged: logEvent,
        onJtUserRoleChanged: logEvent,
        onJtError: logEvent,
        onJtAccessDenied: logEvent,
      }),
    ];
    const tableView = () => [
      h('h1', HOST_TEXT[props.language].title),
      h('jt-user-table', {
        client,
        onJtUserSelect: select,
        onJtUserStatusChanged: logEvent,
        onJtError: logEvent,
        onJtAccessDenied: logEvent,
      }),
    ];

    return () =>
      h('div', { class: 'layout' }, [
        h('main', { ref: main, tabindex: -1 }, selected.value ? profileView(selected.value) : tableView()),
        h(EventLog, { entries: log.value, onClear: () => (log.value = []) }),
      ]);
  },
});
