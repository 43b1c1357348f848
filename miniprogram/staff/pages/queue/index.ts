// 待办: the applications of the staff member's districts, filtered by status and kind, earliest due first;
// a search across every status; the pickup code scanner; and the counts of what waits.
import type { StaffQueueItem } from '../../../domain/contract';
import { scanQrCode } from '../../../services/scan';
import { staff, type QueueFilter } from '../../../services/staff';
import { askSubscriptions, preloadSubscriptions } from '../../../services/subscriptions';
import { toast, toastDone } from '../../../utils/feedback';
import { appended } from '../../../utils/listData';
import { navigate } from '../../../utils/routes';
import { countTiles, type CountTile } from './counts';
import { filterOf, KIND_OPTIONS, queueRow, STATUS_OPTIONS, type QueueRow } from './model';
import { NO_CODE_MATCH, noResults, QUERY_MAX, queryOf, scanOutcome, SEARCH_PLACEHOLDER } from './search';
import { PICKUP_CODE_SHAPE } from '../../../domain/limits';
import { careMode } from '../../../utils/careMode';

Component({
  behaviors: [careMode],
  data: {
    statusOptions: STATUS_OPTIONS,
    kindOptions: KIND_OPTIONS,
    status: '',
    kind: '',
    loading: true,
    forbidden: false,
    error: '',
    rows: [] as QueueRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    // Answers to an older filter arrive late sometimes; only the latest request may fill the list.
    generation: 0,
    /** Accepted in this visit: one acceptance allows one day's message, so it is offered again on the next visit. */
    overdueSubscribed: false,
    /** The caller supervises: the entry to 人员管理 is shown. */
    supervisor: false,
    searchPlaceholder: SEARCH_PLACEHOLDER,
    queryMax: QUERY_MAX,
    /** What is typed in the search field. */
    typed: '',
    /** The search shown ('' is the queue); it finds in every status, so the filters step aside. */
    searched: '',
    /** The search came from the scanner: its code is searched but never shown. */
    scanned: false,
    /** The bar above a search's results: what was searched. */
    searchTitle: '',
    /** What an empty list says: the queue's words, a search's, or a scan's. */
    emptyText: '没有符合条件的办件',
    scanning: false,
    tiles: [] as CountTile[],
  },
  methods: {
    async onLoad() {
      const me = await staff.profile();
      if (me.ok && me.data.supervisor) this.setData({ supervisor: true });
    },
    onShow() {
      void preloadSubscriptions('staff');
      this.load();
    },
    /** The prompt is the tap's first act: WeChat shows it only from inside a tap, before anything asynchronous. */
    onSubscribeOverdue() {
      void askSubscriptions(['staff_overdue']).then(({ asked, accepted }) => {
        if (!asked) toast('暂时无法订阅提醒，请稍后再试');
        else if (accepted.includes('staff_overdue')) {
          this.setData({ overdueSubscribed: true });
          toastDone('已订阅超期提醒');
        }
      });
    },
    /** What the list asks the server for now: the search, or the filters. */
    currentFilter(): QueueFilter {
      return this.data.searched ? { query: this.data.searched } : filterOf(this.data.status, this.data.kind);
    },
    /** `filter`: a changed status or kind, set with the spinner in one setData (the retry button passes its tap event). */
    async load(filter: { status?: string; kind?: string } = {}) {
      const { status = this.data.status, kind = this.data.kind } = filter;
      const generation = this.data.generation + 1;
      this.setData({ ...(status !== this.data.status ? { status } : {}), ...(kind !== this.data.kind ? { kind } : {}), loading: true, error: '', generation });
      // The counts come with the list, as of the same moment, in the same update of the view.
      // The tiles show only what waits now, which any window answers: the shortest is asked for (one day's totals).
      const [result, counts] = await Promise.all([staff.queue(this.currentFilter()), this.data.searched ? null : staff.stats(undefined, 1)]);
      if (generation !== this.data.generation) return;
      if (!result.ok) {
        const forbidden = result.error.code === 'FORBIDDEN';
        return this.setData({ loading: false, forbidden, error: forbidden ? '' : result.error.message });
      }
      // The counts are a help, not the work: when they cannot be read, the queue shows without them.
      const tiles = counts ? (counts.ok ? countTiles(counts.data) : []) : this.data.tiles;
      this.showItems(result.data.items, result.data.nextCursor, tiles);
    },
    showItems(items: StaffQueueItem[], nextCursor: string | null, counted?: CountTile[]) {
      const { searched, scanned } = this.data;
      const tiles = counted ?? this.data.tiles;
      const emptyText = scanned ? NO_CODE_MATCH : searched ? noResults(searched) : '没有符合条件的办件';
      this.setData({ loading: false, forbidden: false, rows: items.map(queueRow), nextCursor, emptyText, tiles });
    },
    async loadMore() {
      if (!this.data.nextCursor || this.data.loadingMore) return;
      const { generation } = this.data;
      this.setData({ loadingMore: true });
      const result = await staff.queue(this.currentFilter(), this.data.nextCursor);
      if (generation !== this.data.generation) return;
      if (!result.ok) {
        this.setData({ loadingMore: false });
        toast(result.error.message);
        return;
      }
      // Appended by path ('rows[20]'…): the rows already shown are not sent to the view again.
      this.setData({ loadingMore: false, ...appended('rows', this.data.rows.length, result.data.items.map(queueRow)), nextCursor: result.data.nextCursor });
    },
    onStatus(event: VantEvent<string>) {
      this.load({ status: event.detail });
    },
    onKind(event: VantEvent<string>) {
      this.load({ kind: event.detail });
    },
    /**
     * A count with a status filter shows those applications, back from any search, the kind kept; the
     * count of the filter already shown goes back to everything waiting.
     */
    onTile(event: VantEvent<unknown, { status: string }>) {
      const { status } = event.currentTarget.dataset;
      if (!status) return;
      const again = !this.data.searched && status === this.data.status;
      if (this.data.searched) this.setData({ searched: '', scanned: false, typed: '' });
      this.load({ status: again ? '' : status });
    },
    onTyped(event: VantEvent<string>) {
      this.setData({ typed: event.detail });
    },
    onSearch() {
      const query = queryOf(this.data.typed);
      if (!query) return this.onBackToQueue();
      this.setData({ searched: query, scanned: false, searchTitle: `“${query}”的搜索结果` });
      this.load();
    },
    onBackToQueue() {
      this.setData({ searched: '', scanned: false, typed: '' });
      this.load();
    },
    /** A scanned pickup code: its one card waiting for pickup opens ready to hand over. */
    async onScan() {
      if (this.data.scanning) return;
      const scanned = await scanQrCode();
      if (!scanned) return;
      // A pickup code's QR holds the code alone: anything else scanned (another QR) finds no card to hand over.
      const code = scanned.trim();
      if (!PICKUP_CODE_SHAPE.test(code)) return toast(NO_CODE_MATCH);
      this.setData({ scanning: true });
      const result = await staff.queue({ query: code });
      this.setData({ scanning: false });
      if (!result.ok) return toast(result.error.message);
      const outcome = scanOutcome(result.data.items);
      if ('open' in outcome) {
        navigate('staffReview', { id: outcome.open, code });
        return;
      }
      // What the scan found shows as a search of its own, with the way back to the queue; the code
      // itself is not put on screen.
      const generation = this.data.generation + 1;
      this.setData({ searched: code, scanned: true, searchTitle: '扫码结果', typed: '', generation });
      this.showItems('none' in outcome ? [] : outcome.list, null);
    },
    onPeople() {
      navigate('staffPeople');
    },
    onOpen(event: VantEvent<unknown, { id: string }>) {
      navigate('staffReview', { id: event.currentTarget.dataset.id });
    },
  },
});
