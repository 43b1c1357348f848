// The development panel beside the phone (never part of the mini-program): switch the development
// identity and the phone's font size, read and move the host's clock, run the scheduler and read the
// outbox, see the current page and the last runtime error.
import './panel.css';
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { BRIDGE_READY_EVENT, PAGE_CHANGED_EVENT, bridge } from '../shared/bridge';
import { readStorage, removeStorage, storageKeys, writeStorage } from '../shared/storage';
import { el, section } from './dom';
import { fontSizeSection } from './font-size';
import { daysLater, monthsLater, nextNineOClock, readClock, setClock, sixMonthsLater } from './clock';
import { CLOCK_INPUT_FORMAT, fromClockInput, showChinaTime, toClockInput } from './clockInput';
import { IDENTITIES } from './identities';
import { EVENT_LABELS, STATUS_LABELS, messageText, readOutbox, runScheduler } from './outbox';

/** Fired when the clock moved or the scheduler ran: the outbox may hold something new. */
const OUTBOX_STALE_EVENT = 'dev-panel:outbox-stale';
const OUTBOX_POLL_MS = 3000;
const MAX_DAYS_TO_NEXT_NOTICE = 366;
const outboxStale = (): boolean => window.dispatchEvent(new Event(OUTBOX_STALE_EVENT));

const relaunch = (): void => bridge()?.relaunchHome();

function currentOpenid(): string {
  const stored = readStorage(localStorage, DEV_OPENID_KEY);
  return typeof stored === 'string' && stored ? stored : DEFAULT_DEV_OPENID;
}

function identitySection(): HTMLElement {
  const list = el('div', { className: 'dev-panel__identities', role: 'radiogroup' });
  const render = (): void => {
    const current = currentOpenid();
    list.replaceChildren(
      ...IDENTITIES.map((identity) =>
        el(
          'button',
          {
            type: 'button',
            className: `dev-panel__identity${identity.openid === current ? ' dev-panel__identity--current' : ''}`,
            title: identity.openid,
            onclick: async () => {
              // Roles come from the server's staff records: grant this one there first.
              if (identity.staff) {
                await fetch('/api/dev/staff', {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ openid: identity.openid, ...identity.staff }),
                });
              }
              writeStorage(localStorage, DEV_OPENID_KEY, identity.openid);
              render();
              relaunch();
            },
          },
          el('span', { className: 'dev-panel__identity-label', textContent: identity.label }),
          el('span', { className: 'dev-panel__identity-id', textContent: identity.openid }),
        ),
      ),
    );
    for (const button of list.children) button.setAttribute('role', 'radio');
    list.querySelectorAll('button').forEach((button, index) => button.setAttribute('aria-checked', String(IDENTITIES[index]?.openid === current)));
  };
  render();
  return section('身份（切换后回到首页）', list);
}

function clockSection(): HTMLElement {
  const shown = el('div', { className: 'dev-panel__clock', id: 'dev-clock-now', textContent: '读取中…' });
  // A text input in the way the clock is shown above: a datetime-local one would follow the browser's locale.
  const input = el('input', {
    type: 'text',
    className: 'dev-panel__input',
    id: 'dev-clock-input',
    lang: 'zh-CN',
    placeholder: CLOCK_INPUT_FORMAT,
    title: `北京时间，格式 ${CLOCK_INPUT_FORMAT}`,
    autocomplete: 'off',
    spellcheck: false,
  });
  input.setAttribute('aria-label', `设置服务器时钟（北京时间，${CLOCK_INPUT_FORMAT}）`);
  const message = el('div', { className: 'dev-panel__message' });
  let now = Date.now();
  const show = (instant: number): void => {
    now = instant;
    shown.textContent = `${showChinaTime(instant)}（北京时间）`;
    input.value = toClockInput(instant);
  };
  const move = async (instant: number): Promise<void> => {
    message.textContent = '';
    try {
      show(await setClock(instant));
      relaunch();
      // Setting the clock runs the scheduler when that day's run is due: the outbox may hold new messages.
      outboxStale();
    } catch (error) {
      message.textContent = `设置失败：${(error as Error).message}`;
    }
  };
  /**
   * Walks 09:00 by 09:00 (each day's scheduler run is due then, and setting the clock runs it) until a
   * run creates a notification, at most a year and a day: the next date something is due.
   */
  const toNextNotice = async (): Promise<void> => {
    message.textContent = '';
    try {
      const before = (await readOutbox()).length;
      let instant = now;
      for (let day = 0; day < MAX_DAYS_TO_NEXT_NOTICE; day++) {
        instant = await setClock(nextNineOClock(instant));
        if ((await readOutbox()).length > before) break;
      }
      show(instant);
      relaunch();
      outboxStale();
    } catch (error) {
      message.textContent = `设置失败：${(error as Error).message}`;
    }
  };
  /** What was typed, or a message saying the format when it is not a date and time. */
  const moveTo = async (typed: string): Promise<void> => {
    const instant = fromClockInput(typed);
    if (Number.isNaN(instant)) {
      message.textContent = `请按 ${CLOCK_INPUT_FORMAT} 填写北京时间，例如 2026-09-01 09:00`;
      return;
    }
    await move(instant);
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void moveTo(input.value);
  });
  const button = (text: string, onclick: () => void, id: string) => el('button', { type: 'button', className: 'dev-panel__button', textContent: text, onclick, id });
  readClock().then(show, (error: Error) => (shown.textContent = `读取失败：${error.message}`));
  return section(
    '服务器时钟',
    shown,
    el(
      'div',
      { className: 'dev-panel__row' },
      input,
      button('设置', () => void moveTo(input.value), 'dev-clock-set'),
    ),
    el(
      'div',
      { className: 'dev-panel__row' },
      button('次日 09:00', () => void move(nextNineOClock(now)), 'dev-clock-next-day'),
      button('+1 周', () => void move(daysLater(now, 7)), 'dev-clock-week'),
      button('+1 个月', () => void move(monthsLater(now, 1)), 'dev-clock-month'),
      button('下一个提醒日', () => void toNextNotice(), 'dev-clock-next-notice'),
    ),
    el(
      'div',
      { className: 'dev-panel__row' },
      button('+6 个月', () => void move(sixMonthsLater(now)), 'dev-clock-six-months'),
      button('回到现在', () => void move(Date.now()), 'dev-clock-reset'),
    ),
    message,
  );
}

function outboxSection(): HTMLElement {
  const list = el('ol', { className: 'dev-panel__outbox', id: 'dev-outbox' });
  const message = el('div', { className: 'dev-panel__message', id: 'dev-outbox-message' });
  // The last run's answer stays until the next run; the outbox's own line changes with every reading.
  const ran = el('div', { className: 'dev-panel__message', id: 'dev-scheduler-result' });
  const refresh = async (): Promise<void> => {
    try {
      const items = await readOutbox();
      message.textContent = items.length ? '' : '还没有通知';
      list.replaceChildren(
        ...items.map((item) =>
          el(
            'li',
            { className: `dev-panel__notice dev-panel__notice--${item.status}` },
            el('div', { className: 'dev-panel__notice-head' }, el('strong', { textContent: EVENT_LABELS[item.event] ?? item.event }), ` → ${item.openid}`),
            el('div', { className: 'dev-panel__notice-text', textContent: messageText(item) }),
            el('div', { className: 'dev-panel__notice-meta', textContent: `${showChinaTime(item.createdAt)} · ${STATUS_LABELS[item.status] ?? item.status}` }),
          ),
        ),
      );
    } catch (error) {
      message.textContent = `读取失败：${(error as Error).message}`;
    }
  };
  const run = el('button', {
    type: 'button',
    className: 'dev-panel__button',
    id: 'dev-scheduler-run',
    textContent: '立即运行定时任务',
    onclick: async () => {
      try {
        const result = await runScheduler();
        ran.textContent = `定时任务：新建 ${result.created}，送达 ${result.delivered}，失败 ${result.failed}，清理过期记录 ${result.pruned}`;
      } catch (error) {
        ran.textContent = `定时任务运行失败：${(error as Error).message}`;
      }
      await refresh();
    },
  });
  const reload = el('button', { type: 'button', className: 'dev-panel__button', textContent: '刷新', onclick: () => void refresh() });
  window.addEventListener(OUTBOX_STALE_EVENT, () => void refresh());
  // A decision made on the phone writes its message on the host: the outbox is read again after each page
  // change and every few seconds, so it shows without a tap.
  window.addEventListener(PAGE_CHANGED_EVENT, () => void refresh());
  setInterval(() => void refresh(), OUTBOX_POLL_MS);
  void refresh();
  return section('服务通知（发件箱，最新在前）', el('div', { className: 'dev-panel__row' }, run, reload), ran, message, list);
}

function pageSection(): HTMLElement {
  const current = el('code', { className: 'dev-panel__page', id: 'dev-current-page' });
  const update = (): void => {
    current.textContent = bridge()?.currentPage() || '—';
  };
  window.addEventListener(PAGE_CHANGED_EVENT, update);
  window.addEventListener(BRIDGE_READY_EVENT, update);
  update();
  const clear = el('button', {
    type: 'button',
    className: 'dev-panel__button',
    textContent: '清除本机缓存',
    title: '删除小程序存在本机的数据（草稿等），保留当前身份',
    onclick: () => {
      for (const key of storageKeys(localStorage)) if (key !== DEV_OPENID_KEY) removeStorage(localStorage, key);
      relaunch();
    },
  });
  return section(
    '当前页面',
    current,
    el('div', { className: 'dev-panel__row' }, clear, el('button', { type: 'button', className: 'dev-panel__button', textContent: '重新启动', onclick: relaunch })),
  );
}

function errorSection(): HTMLElement {
  const box = el('pre', { className: 'dev-panel__error', textContent: '无' });
  const show = (text: string): void => {
    box.textContent = text;
    box.classList.add('dev-panel__error--active');
  };
  window.addEventListener('error', (event) => show(event.error instanceof Error ? (event.error.stack ?? event.error.message) : event.message));
  window.addEventListener('unhandledrejection', (event) => show(event.reason instanceof Error ? (event.reason.stack ?? event.reason.message) : String(event.reason)));
  return section('最近的运行错误', box);
}

const panel = document.getElementById('dev-panel');
if (panel) {
  panel.append(
    el('h1', { className: 'dev-panel__title', textContent: '开发面板' }),
    identitySection(),
    fontSizeSection(relaunch),
    clockSection(),
    outboxSection(),
    pageSection(),
    errorSection(),
  );
}
