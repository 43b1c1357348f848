// Mouse → touch. j-component (like a phone) recognises taps, long presses and drags from touch
// events only; a desktop mouse sends none. Each press, drag and release inside the viewport is
// replayed as touchstart / touchmove / touchend on the nearest element the component tree owns,
// with WeChat's pressed look (hover-class) while the button is down.
import { press, release } from './hover';

const owned = (node: EventTarget | null): Element | null => {
  for (let el = node instanceof Element ? node : null; el; el = el.parentElement) {
    if ((el as unknown as { __wxElement?: unknown }).__wxElement) return el;
  }
  return null;
};

function touchEvent(type: string, target: Element, mouse: MouseEvent, ended: boolean): Event {
  const init = { identifier: 1, target, clientX: mouse.clientX, clientY: mouse.clientY, pageX: mouse.pageX, pageY: mouse.pageY, screenX: mouse.screenX, screenY: mouse.screenY };
  if (typeof Touch === 'function' && typeof TouchEvent === 'function') {
    const touch = new Touch(init);
    return new TouchEvent(type, { bubbles: true, cancelable: true, composed: true, touches: ended ? [] : [touch], targetTouches: ended ? [] : [touch], changedTouches: [touch] });
  }
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  Object.assign(event, { touches: ended ? [] : [init], targetTouches: ended ? [] : [init], changedTouches: [init] });
  return event;
}

export function installTouchBridge(viewport: HTMLElement): void {
  let target: Element | null = null;
  let start = { x: 0, y: 0 };
  viewport.addEventListener('mousedown', (mouse) => {
    if (mouse.button !== 0) return;
    target = owned(mouse.target);
    if (!target) return;
    start = { x: mouse.clientX, y: mouse.clientY };
    target.dispatchEvent(touchEvent('touchstart', target, mouse, false));
    press(target);
  });
  window.addEventListener('mousemove', (mouse) => {
    if (!target || !(mouse.buttons & 1)) return;
    target.dispatchEvent(touchEvent('touchmove', target, mouse, false));
    // A drag is not a press (j-component cancels the tap past 10 px too).
    if (Math.abs(mouse.clientX - start.x) > 10 || Math.abs(mouse.clientY - start.y) > 10) release(true);
  });
  window.addEventListener('mouseup', (mouse) => {
    if (!target || mouse.button !== 0) return;
    const started = target;
    target = null;
    started.dispatchEvent(touchEvent('touchend', started, mouse, true));
    release();
  });
}
