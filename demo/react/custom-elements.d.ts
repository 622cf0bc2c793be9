/**
 * JSX types of the elements for React 19, which sets a custom element's props as DOM properties
 * when the element has them (`client`, `user`) and as attributes otherwise (`profile-href`), and
 * adds `on<event-name>` props as listeners for that exact event name (`onjt-user-select`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { JtUserProfile, JtUserTable } from '@jt-users/elements';

/** `on<event-name>` listener props for the given events of `GlobalEventHandlersEventMap`. */
type EventProps<Name extends keyof GlobalEventHandlersEventMap> = {
  [N in Name as `on${N}`]?: (event: GlobalEventHandlersEventMap[N]) => void;
};

/** The props React accepts on an element: its own properties, attributes and events, and the HTML ones. */
type ElementProps<
  Element extends HTMLElement,
  Properties extends keyof Element,
  Attributes,
  Events extends keyof GlobalEventHandlersEventMap,
> = DetailedHTMLProps<HTMLAttributes<Element>, Element> &
  Partial<Pick<Element, Properties>> &
  Attributes &
  EventProps<Events>;

/** Events every user element fires. */
type CommonEvents = 'jt-error' | 'jt-access-denied';

/** Element properties every user element has. */
type CommonProperties = 'client' | 'currentUser' | 'theme';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jt-user-table': ElementProps<
        JtUserTable,
        CommonProperties | 'search' | 'sort' | 'statusFilter' | 'pageSize',
        { 'profile-href'?: string; 'api-base'?: string },
        CommonEvents | 'jt-user-select' | 'jt-user-status-change' | 'jt-user-status-changed'
      >;
      'jt-user-profile': ElementProps<
        JtUserProfile,
        CommonProperties | 'user' | 'userId',
        { 'user-id'?: string; 'api-base'?: string },
        | CommonEvents
        | 'jt-user-status-change'
        | 'jt-user-status-changed'
        | 'jt-user-role-change'
        | 'jt-user-role-changed'
      >;
    }
  }
}
