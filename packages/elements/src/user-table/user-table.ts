import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  USER_STATUSES,
  USER_SORT_ORDERS,
  type User,
  type UserPage,
  type UserQuery,
  type UserSort,
  type UserStatus,
} from '@jt-users/sdk';
import { afterNextPaint } from '../shared/after-paint.js';
import { JtUserSelectEvent } from '../shared/events.js';
import { formatDate, formatNumber } from '../shared/i18n/localize.js';
import { JtElement } from '../shared/jt-element.js';
import { buttonStyles, themeStyles } from '../shared/theme.js';
import { UserChangeController } from '../shared/user-change-controller.js';
import type { UsersStore } from '../shared/users-store.js';
import {
  DEFAULT_TABLE_SORT,
  SORTABLE_COLUMNS,
  nextSort,
  profileUrl,
  sortDirection,
  type SortField,
} from './columns.js';
import { activateIcon, deactivateIcon, sortIcon } from './icons.js';
import { userTableStyles } from './user-table.styles.js';

/** A row's state besides its user: a change on its way, the last change's error, the viewer's own row. */
interface RowState {
  pending: boolean;
  error: string | undefined;
  /** Whether the error is said as an alert: only in the row where it first showed. */
  alert: boolean;
  self: boolean;
}

/** Which users the status filter shows. */
export type UserStatusFilter = UserStatus | 'all';

/** The store each loaded page came from, and how many users come before it. */
const pageOrigins = new WeakMap<UserPage, { store: UsersStore; offset: number }>();

/**
 * Whether `page` came after another: said of the page itself, not of the trail, which moves on
 * while the page asked for is on its way.
 */
const isLaterPage = (page: UserPage): boolean => !!pageOrigins.get(page)?.offset;

/** How long typing must pause before the search goes to the server. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The longest search the contract takes (`UserQuery.search`); the SDK refuses a longer one
 * before sending it. A test holds the two equal.
 */
const MAX_SEARCH_LENGTH = 200;

/**
 * The row height, in CSS pixels, that decides how many rows fill a window. A row is 53 px with
 * the default tokens (a 36 px action button, 8 px of padding above and below, a 1 px border);
 * counting 48 leaves room for a theme with tighter spacing or a smaller root font. A table
 * creates at most a window's height of rows this tall in one frame, beyond those already on
 * screen, and the rest in the next frame (see `#rowsToRender`): every row more delays the frame
 * that shows the first ones.
 */
const LEAST_ROW_HEIGHT = 48;

/**
 * An address with a line-break opportunity after its `@`: in a narrow column it wraps between
 * mailbox and domain, where a reader expects it, rather than wherever the width runs out.
 */
function breakableEmail(email: string): TemplateResult | string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : html`${email.slice(0, at + 1)}<wbr />${email.slice(at + 1)}`;
}

/**
 * The User Management table: every user with name, email, role, status and last login, and an
 * Action column to activate or deactivate each one behind a confirm dialog. Searching, filtering
 * by status, sorting and paging all happen on the server, so the table stays fast with any
 * number of users. Only Admins see it; anyone else gets a short explanation and no user data is
 * requested.
 *
 * Rows read their users from the store shared by every element with the same client, so a change
 * made in a profile or a toggle shows here in the same frame (and the other way round). A user
 * whose status changes stays in the list even when the status filter no longer matches; the
 * next search, filter, sort or page shows the server's view.
 *
 * A table that appears with a page longer than a screenful renders the first rows at once and
 * the rest in the following frame; the table is `aria-busy` until every row is there, and
 * `updateComplete` waits for them.
 *
 * @tag jt-user-table
 * @summary Table of users with search, status filter, sorting, paging and an activate/deactivate action.
 *
 * @fires {JtUserSelectEvent} jt-user-select - A user's name was activated (only without `profile-href`).
 * @fires {JtUserStatusChangeEvent} jt-user-status-change - An action button was activated, before the dialog. Cancelable: `preventDefault()` stops the built-in flow.
 * @fires {JtUserStatusChangedEvent} jt-user-status-changed - The server confirmed the new status.
 * @fires {JtAccessDeniedEvent} jt-access-denied - The signed-in user is not an Admin, or the server answered 403.
 * @fires {JtErrorEvent} jt-error - Checking the signed-in user, loading the list or changing a status failed (not for aborted requests), or a `currentUser` given is not a user.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The row holding search, filter and the user count.
 * @csspart search-label - The label of the search field.
 * @csspart search - The `<input type="search">`.
 * @csspart filter-label - The label of the status filter.
 * @csspart filter - The status `<select>`.
 * @csspart count - The total, e.g. "60 users".
 * @csspart scroller - The focusable region that scrolls the table sideways on narrow screens.
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell (`<th>`).
 * @csspart sort-button - The button inside a sortable header.
 * @csspart sort-icon - The arrow inside a sort button.
 * @csspart row - Each user's row.
 * @csspart cell - Each cell.
 * @csspart name-cell - The name cell of a row (with `cell`).
 * @csspart email-cell - The email cell of a row (with `cell`).
 * @csspart status-cell - The status cell of a row (with `cell`).
 * @csspart action-cell - The action cell of a row (with `cell`).
 * @csspart name-button - The user's name as a button (fires `jt-user-select`).
 * @csspart name-link - The user's name as a link (with `profile-href`).
 * @csspart self-badge - "You", next to the signed-in Admin's own name.
 * @csspart status-badge - The status as text.
 * @csspart active - A status badge of an active user (with `status-badge`).
 * @csspart inactive - A status badge of an inactive user (with `status-badge`).
 * @csspart action-button - The icon button that activates or deactivates the user.
 * @csspart activate - An action button that activates (with `action-button`).
 * @csspart deactivate - An action button that deactivates (with `action-button`).
 * @csspart icon - The icon inside an action button.
 * @csspart hint - Why the signed-in Admin's own row offers no deactivation.
 * @csspart pending - "Saving…", while the server has not answered.
 * @csspart message - The error message after a failed change (`role="alert"` in the row where it first shows).
 * @csspart pagination - The range shown and the previous/next buttons.
 * @csspart page-range - "Showing 1–50 of 60".
 * @csspart previous-button - Goes to the previous page (also beside Retry when a later page fails to load).
 * @csspart next-button - Goes to the next page.
 * @csspart empty - The notice when no user matches, or there are none (with `notice`).
 *
 * @cssprop --jt-color-background - Background of the table and controls.
 * @cssprop --jt-color-surface - Header row and notices.
 * @cssprop --jt-color-border - Lines between rows and around controls.
 * @cssprop --jt-color-text - Text.
 * @cssprop --jt-color-text-muted - Secondary text: the count, the rows shown, "You", hints and "Saving…".
 * @cssprop --jt-color-accent - Links, name buttons and the activate button.
 * @cssprop --jt-color-danger - The deactivate button and error messages.
 * @cssprop --jt-color-success - Text of the "Active" badge.
 * @cssprop --jt-color-success-surface - Background of the "Active" badge.
 * @cssprop --jt-color-neutral-surface - Background of the "Inactive" badge.
 * @cssprop --jt-color-focus - Focus ring.
 * @cssprop --jt-font-family - Font.
 * @cssprop --jt-font-size - Base font size.
 * @cssprop --jt-font-size-small - Column headers, the count and hints.
 * @cssprop --jt-radius - Corner radius of the fields, the buttons and the table's frame (badges are always round-ended).
 * @cssprop --jt-color-scheme - `light` or `dark` on an ancestor forces a scheme.
 *
 * @slot actions - Extra controls at the end of the toolbar, e.g. an "Invite user" button of the host.
 */
export class JtUserTable extends JtElement {
  static override styles = [themeStyles, buttonStyles, userTableStyles];

  static override properties: PropertyDeclarations = {
    profileHref: { attribute: 'profile-href' },
    pageSize: { attribute: 'page-size', type: Number },
    search: {},
    statusFilter: { attribute: 'status-filter' },
    sort: {},
    cursorTrail: { state: true },
  };

  /**
   * Makes each name a link to the user's page instead of a button: `{id}` is replaced by the
   * URL-encoded user id, e.g. `/users/{id}` or `#/users/{id}`.
   */
  declare profileHref?: string;

  /** Users per page, 1 to 200; more asks for 200, and anything but a whole number from 1 up for 50. */
  pageSize = DEFAULT_PAGE_SIZE;

  /**
   * The search the server filters by (name or email), up to 200 characters: a longer one is cut
   * there, as the search field cuts what is typed or pasted. Typing in the field sets it after a
   * short pause.
   */
  search = '';

  /** Which users to show: `all`, `active` or `inactive`. */
  statusFilter: UserStatusFilter = 'all';

  /** The server's sort order, e.g. `name` or `-lastLoginAt` (descending). */
  sort: UserSort = DEFAULT_TABLE_SORT;

  /** The cursors of the pages before the current one, oldest first; empty on the first page. */
  private cursorTrail: readonly string[] = [];

  readonly #changes: UserChangeController = new UserChangeController(this);
  /** The pause after typing, before the search applies; kept (stopped) while off the page. */
  #searchTimer?: ReturnType<typeof setTimeout>;
  /** What the search field holds; runs ahead of `search` while the debounce waits. */
  #searchDraft = '';
  /** The answer whose rows were last rendered. */
  #rowsPage?: UserPage;
  /**
   * While rows are held back: how many rows renders show, until `painted` settles (once the next
   * frame is painted); the rest render right after.
   */
  #held?: { limit: number; painted: Promise<void> };

  readonly #listTask = new Task(this, {
    task: async ([store, access, search, status, sort, cursor, limit], { signal }) => {
      if (!store || access !== 'admin') return initialState;
      const query: UserQuery = { sort, limit };
      if (search) query.search = search;
      if (status !== 'all') query.status = status;
      if (cursor !== undefined) query.cursor = cursor;
      // Where the page starts, as asked: the trail moves on while the next page is on its way.
      const offset = this.cursorTrail.length * limit;
      const mark = this.#changes.failureMark;
      const page = await this.awaitRequest(store.list(query, signal), 'load', initialState);
      // Not for an answer whose question changed meanwhile: the task drops it.
      if (page !== initialState && !signal.aborted) {
        pageOrigins.set(page, { store, offset });
        this.#changes.forgetErrorsBefore(mark, new Set(page.items.map((user) => user.id)));
      }
      return page;
    },
    // Primitives only: a new search, filter, sort or page changes an argument, which aborts the
    // request still running and starts the new one.
    args: () =>
      [
        this.store,
        this.access,
        this.#search,
        this.#statusFilter,
        this.#sort,
        this.cursorTrail.at(-1),
        this.#limit,
      ] as const,
  });

  /** Loads the current page again, e.g. after the host changed users elsewhere. */
  reload(): Promise<void> {
    return this.#listTask.run();
  }

  /**
   * The search as sent: trimmed, cut to the contract's length, and empty when the attribute is
   * removed. Text, whatever a host put in the property (a number from a framework, say).
   */
  get #search(): string {
    // Not ending in half of a character outside the BMP (an emoji): that would search for another.
    return String(this.search ?? '')
      .trim()
      .slice(0, MAX_SEARCH_LENGTH)
      .replace(/[\uD800-\uDBFF]$/, '');
  }

  /**
   * `page-size` as the server may be asked: the default unless it is a whole number from 1 up
   * (a removed or empty attribute, `0` or `abc` is no choice of a page of one), and the largest
   * page the contract allows past that.
   */
  get #limit(): number {
    // Number(): a host may set the property to a string, as the attribute is.
    const size = Number(this.pageSize);
    return Number.isInteger(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  /**
   * `status-filter` and `sort` as the server may be asked: a value outside the contract (a typo
   * in the host's markup) falls back to the default, as an unknown HTML attribute value does,
   * instead of failing every load with a request that is never sent.
   */
  get #statusFilter(): UserStatusFilter {
    return this.statusFilter === 'all' || USER_STATUSES.includes(this.statusFilter)
      ? this.statusFilter
      : 'all';
  }

  get #sort(): UserSort {
    return (USER_SORT_ORDERS as readonly string[]).includes(this.sort) ? this.sort : DEFAULT_TABLE_SORT;
  }

  /**
   * The page on screen: the last one loaded, also while the next one is on its way, unless it
   * came through another client (the host swapped it): those users are not this client's.
   */
  get #page(): UserPage | undefined {
    const page = this.#listTask.value;
    return page && pageOrigins.get(page)?.store === this.store ? page : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved while the search waited for the pause: what was typed still applies.
    if (this.#searchTimer !== undefined) this.#applySearch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Also waits for rows held back for a frame, so `updateComplete` means every row is there. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#held) {
      await this.#held.painted;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search')) this.#searchDraft = this.search ?? '';
    // Any other question starts at its first page.
    if (['search', 'statusFilter', 'sort', 'pageSize'].some((key) => changed.has(key as keyof JtUserTable))) {
      this.cursorTrail = [];
    }
  }

  /** Another client's server: the cursors of the last one mean nothing there. */
  protected override storeSwapped(): void {
    this.cursorTrail = [];
  }

  /** Whether the user is in the page on screen (a reload may have taken their row away). */
  shows(userId: string): boolean {
    return !!this.#page?.items.some((user) => user.id === userId);
  }

  protected override storeChanged(ids: ReadonlySet<string>): void {
    if (this.#page?.items.some((user) => ids.has(user.id))) this.requestUpdate();
  }

  protected override render() {
    const gate = this.renderAccessGate();
    if (gate !== nothing) return gate;
    return html`
      <div part="base">${this.#renderToolbar()} ${this.#renderBody()} ${this.#renderPager()}</div>
      ${this.#changes.renderDialog()}
    `;
  }

  #renderToolbar(): TemplateResult {
    const s = this.strings;
    const page = this.#page;
    const count = page ? s.userCount(page.total, formatNumber(page.total, this.locale)) : nothing;
    // The list's one live region, for screen readers: each answer (a search, a filter, a page) is
    // said once, as the count and the range of rows it shows, which the eye reads apart.
    return html`<div part="toolbar">
      <div class="field">
        <label part="search-label" for="search">${s.searchLabel}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength=${MAX_SEARCH_LENGTH}
          placeholder=${s.searchPlaceholder}
          .value=${this.#searchDraft}
          @input=${this.#onSearchInput}
          @keydown=${this.#onSearchKeydown}
        />
      </div>
      <div class="field">
        <label part="filter-label" for="filter">${s.field('status')}</label>
        <select id="filter" part="filter" @change=${this.#onFilterChange}>
          <option value="all" .selected=${this.#statusFilter === 'all'}>${s.filterAll}</option>
          ${USER_STATUSES.map(
            (status) =>
              html`<option value=${status} .selected=${this.#statusFilter === status}>
                ${s.status(status)}
              </option>`,
          )}
        </select>
      </div>
      <p part="count">${count}</p>
      <p class="visually-hidden" role="status">
        ${count} ${page?.items.length ? this.#rangeText(page) : nothing}
      </p>
      <slot name="actions"></slot>
    </div>`;
  }

  #renderBody(): TemplateResult {
    const s = this.strings;
    const task = this.#listTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div part="notice error">
        <p role="alert">${s.listLoadError} ${this.messageFor(task.error)}</p>
        <button class="button" part="retry-button" type="button" @click=${() => void this.reload()}>
          ${s.retry}
        </button>
        ${
          // A later page that cannot be loaded (its cursor refused, say) must not be a dead end.
          this.cursorTrail.length > 0
            ? html`<button class="button" part="previous-button" type="button" @click=${this.#previousPage}>
                ${s.previousPage}
              </button>`
            : nothing
        }
      </div>`;
    }
    const page = this.#page;
    if (!page) return html`<p part="notice loading" aria-busy="true">${s.loading}</p>`;
    const refreshing = task.status === TaskStatus.PENDING;
    if (page.items.length === 0) {
      const later = isLaterPage(page);
      const filtered = this.#search !== '' || this.#statusFilter !== 'all';
      // A later page says so, with the way back: the users before it are still there.
      const message = later ? s.pageEmpty : filtered ? s.noMatches : s.noUsers;
      return html`<p part="notice empty" aria-busy=${refreshing}>${message}</p>`;
    }
    const rows = this.#rowsToRender(page);
    // Busy until the answer is complete on screen, held-back rows included.
    const busy = refreshing || rows.length < page.items.length;
    return html`
      <div part="scroller" class="scroller" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table" aria-busy=${busy}>
          <caption id="caption" class="visually-hidden">
            ${s.tableCaption}
          </caption>
          <thead>
            <tr>
              ${SORTABLE_COLUMNS.map((field) => this.#renderSortableHeader(field))}
              <th part="header" scope="col">${s.columnAction}</th>
            </tr>
          </thead>
          <tbody class=${refreshing ? 'stale' : nothing}>
            ${this.#renderRows(rows)}
          </tbody>
        </table>
      </div>
    `;
  }

  /**
   * The page buttons, below the rows or the notice of an empty later page: in one place of the
   * template whatever stands above them, so a focused page button stays focused from a page of
   * rows to an empty one and back.
   */
  #renderPager(): TemplateResult | typeof nothing {
    const page = this.#page;
    return page && this.#listTask.status !== TaskStatus.ERROR && (page.items.length || isLaterPage(page))
      ? this.#renderPagination(page)
      : nothing;
  }

  #renderSortableHeader(field: SortField): TemplateResult {
    const s = this.strings;
    const heading = s.field(field);
    const direction = sortDirection(this.#sort, field);
    const next = nextSort(this.#sort, field);
    // The title says what a click does: a column sorted ascending flips to descending.
    return html`<th part="header" scope="col" aria-sort=${direction}>
      <button
        part="sort-button"
        type="button"
        title=${direction === 'ascending' ? s.sortDescending(heading) : s.sortAscending(heading)}
        @click=${() => (this.sort = next)}
      >
        ${heading} ${sortIcon(direction)}
      </button>
    </th>`;
  }

  /**
   * The rows to render now. When a page needs many more rows than are on screen (a table that
   * appears, results after an empty or failed answer, a larger page size), a screenful more is
   * rendered first, so rows are on screen after the style and layout of those alone, and the
   * rest right after that frame is painted. A page that fills rows already on screen renders
   * whole: those rows are updated in place, and holding some back would remove rows only to
   * create them again a frame later.
   */
  #rowsToRender(page: UserPage): readonly User[] {
    const items = page.items;
    // Decided once per answer: renders of the same page after the paint show every row.
    if (page !== this.#rowsPage) {
      this.#rowsPage = page;
      // Rows the last render left on screen: none when a notice stood in for the table.
      const onScreen = this.renderRoot.querySelector('tbody')?.rows.length ?? 0;
      // A window too small to count on (0 in a hidden frame) still gets 13 rows.
      const limit = onScreen + Math.ceil(Math.max(innerHeight, 600) / LEAST_ROW_HEIGHT);
      if (!this.#held && items.length > limit) {
        this.#held = {
          limit,
          painted: afterNextPaint().then(() => {
            this.#held = undefined;
            this.requestUpdate();
          }),
        };
      }
    }
    // Renders before that frame (a change in the store, a new answer) keep to the same limit.
    return this.#held ? items.slice(0, this.#held.limit) : items;
  }

  /**
   * The rows, each under a `guard` that skips its template entirely unless something it shows
   * changed, so a status change re-renders only that user's row. What every row shares is looked
   * up once here rather than once per row (each lookup walks getters; with hundreds of rows they
   * added up to a fifth of an update). Rows are not keyed by user: a new page, search or sort
   * order fills the rows already on screen in place instead of moving or replacing them, which is
   * cheaper, and every row's state (pending, error) is looked up by user id anyway.
   */
  #renderRows(listed: readonly User[]): unknown[] {
    const store = this.store;
    const viewerId = this.viewer?.id;
    const shared = [this.strings, this.locale, this.profileHref];
    const alertRows = this.#alertRows;
    return listed.map((item, index) => {
      const user = store?.get(item.id) ?? item;
      const pending = !!store?.isPending(user.id, 'status');
      const error = this.#changes.errorFor(user.id, 'status');
      // A failure moved to another row (a new sort, a reload) is not news: said there again as an
      // alert, it would sound like a new one.
      if (error) alertRows.set(user.id, alertRows.get(user.id) ?? index);
      else alertRows.delete(user.id);
      const alert = alertRows.get(user.id) === index;
      const self = user.id === viewerId;
      return guard([user, pending, error, alert, self, ...shared], () =>
        this.#renderRow(user, { pending, error, alert, self }),
      );
    });
  }

  /** By user id, the row (its index) where the user's failure showed first, while it shows. */
  readonly #alertRows = new Map<string, number>();

  #renderRow(user: User, row: RowState): TemplateResult {
    const s = this.strings;
    return html`<tr part="row" data-user-id=${user.id}>
      <th part="cell name-cell" scope="row">
        ${this.#renderName(user)}${row.self ? html` <span part="self-badge">${s.you}</span>` : nothing}
      </th>
      <td part="cell email-cell">${breakableEmail(user.email)}</td>
      <td part="cell">${s.role(user.role)}</td>
      <td part="cell status-cell">
        <span part="status-badge ${user.status}">${s.status(user.status)}</span>
      </td>
      <td part="cell">
        ${
          user.lastLoginAt === null
            ? s.never
            : html`<time datetime=${user.lastLoginAt}>${formatDate(user.lastLoginAt, this.locale)}</time>`
        }
      </td>
      <td part="cell action-cell">${this.#renderAction(user, row)}</td>
    </tr>`;
  }

  #renderName(user: User): TemplateResult {
    if (this.profileHref) {
      return html`<a part="name-link" href=${profileUrl(String(this.profileHref), user.id)}>${user.name}</a>`;
    }
    // The name is the button's whole text: no white space around it, so hosts and tests read it as is.
    const select = () => this.#select(user.id);
    return html`<button part="name-button" type="button" @click=${select}>${user.name}</button>`;
  }

  #renderAction(user: User, row: RowState): TemplateResult {
    const s = this.strings;
    const active = user.status === 'active';
    // The signed-in Admin cannot deactivate themself: say so instead of offering a control.
    if (active && row.self) return html`<span part="hint">${s.selfActionHint}</span>`;
    const label = active ? s.actionDeactivate(user.name) : s.actionActivate(user.name);
    const messageId = `message-${user.id}`;
    return html`<div class="action">
        <button
          part="action-button ${active ? 'deactivate' : 'activate'}"
          type="button"
          aria-label=${label}
          title=${label}
          aria-disabled=${row.pending}
          aria-describedby=${row.error ? messageId : nothing}
          @click=${(event: Event) => this.#onAction(user.id, event)}
        >
          ${active ? deactivateIcon : activateIcon}
        </button>
        ${row.pending ? html`<span part="pending">${s.saving}</span>` : nothing}
      </div>
      ${
        row.error
          ? html`<p part="message" id=${messageId} role=${row.alert ? 'alert' : nothing}>${row.error}</p>`
          : nothing
      }`;
  }

  /** "Showing 51–60 of 60": which rows of the whole list `page` holds. */
  #rangeText(page: UserPage): string {
    const lang = this.locale;
    const count = page.items.length;
    // The offset counts the pages before as they were when seen; users may have left the list
    // since (deactivated under the active filter, say). A later page that is the last ends at
    // the total; the first page starts at 1 whatever the total says.
    const offset = pageOrigins.get(page)?.offset ?? 0;
    const first = page.nextCursor !== null || !offset ? offset + 1 : Math.max(1, page.total - count + 1);
    const range =
      count === 0
        ? formatNumber(0, lang)
        : `${formatNumber(first, lang)}–${formatNumber(first + count - 1, lang)}`;
    return this.strings.shownOfTotal(range, formatNumber(page.total, lang));
  }

  #renderPagination(page: UserPage): TemplateResult {
    const s = this.strings;
    const hasPrevious = this.cursorTrail.length > 0;
    const hasNext = page.nextCursor !== null;
    // aria-disabled (not disabled) keeps a button focusable on the first or last page, so the
    // keyboard focus never falls back to the document.
    return html`<div part="pagination">
      <p part="page-range">${this.#rangeText(page)}</p>
      <div class="pages">
        <button
          class="button"
          part="previous-button"
          type="button"
          aria-disabled=${!hasPrevious}
          @click=${this.#previousPage}
        >
          ${s.previousPage}
        </button>
        <button
          class="button"
          part="next-button"
          type="button"
          aria-disabled=${!hasNext}
          @click=${this.#nextPage}
        >
          ${s.nextPage}
        </button>
      </div>
    </div>`;
  }

  #onSearchInput = (event: Event): void => {
    this.#searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    // Enter searches at once instead of waiting for the pause.
    if (event.key === 'Enter') this.#applySearch();
  };

  #applySearch(): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    this.search = this.#searchDraft;
  }

  #onFilterChange = (event: Event): void => {
    this.statusFilter = (event.target as HTMLSelectElement).value as UserStatusFilter;
  };

  #previousPage = (): void => {
    if (this.cursorTrail.length > 0) this.cursorTrail = this.cursorTrail.slice(0, -1);
  };

  #nextPage = (): void => {
    const next = this.#page?.nextCursor;
    // Ignore clicks while the next page is on its way: its cursor would be pushed twice.
    if (next && this.#listTask.status !== TaskStatus.PENDING) this.cursorTrail = [...this.cursorTrail, next];
  };

  #select(id: string): void {
    const user = this.store?.get(id);
    if (user) this.dispatchEvent(new JtUserSelectEvent({ user }));
  }

  #onAction(id: string, event: Event): void {
    const button = event.currentTarget as HTMLElement;
    const user = this.store?.get(id);
    if (!user || button.getAttribute('aria-disabled') === 'true') return;
    void this.#changes.changeStatus(user, user.status === 'active' ? 'inactive' : 'active', button);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jt-user-table': JtUserTable;
  }
}
