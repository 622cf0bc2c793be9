import { defineComponent, h, type PropType } from 'vue';
import type { EventLogEntry } from '../host-events.js';

/** The host's log of element events, newest first. Emits `clear` from its Clear button. */
export const EventLog = defineComponent({
  name: 'EventLog',
  props: {
    entries: { type: Array as PropType<readonly EventLogEntry[]>, required: true },
  },
  emits: { clear: () => true },
  setup(props, { emit }) {
    return () =>
      h('aside', { class: 'event-log', 'aria-labelledby': 'vue-event-log-heading' }, [
        h('div', { class: 'event-log-header' }, [
          h('h2', { id: 'vue-event-log-heading' }, 'Events'),
          h('button', { type: 'button', onClick: () => emit('clear') }, 'Clear'),
        ]),
        h(
          'ol',
          { 'aria-live': 'off' },
          props.entries.map((entry) =>
            h('li', { key: entry.id, 'data-event': entry.type }, [
              h('code', entry.type),
              ` ${entry.summary}`,
            ]),
          ),
        ),
      ]);
  },
});
