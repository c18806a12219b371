/**
 * The staff's way out, reserved so visitors will not find it by accident: a long press (3 s) in
 * the top-left corner, where no visitor control needs holding (kiosk guide, "running unattended";
 * issue 3). It is watched at the window rather than by an element on top, so the corner never
 * swallows a visitor's tap on whatever lies there (the Back button reaches into it).
 */

/** Side of the reserved square in the top-left corner, in CSS pixels. */
export const STAFF_CORNER_PX = 96;
/** How long the press must last. */
export const STAFF_HOLD_MS = 3000;

const CAPTURE = { capture: true } as const;

/** Calls `onPress` after a press held still in the corner; returns a function that stops watching. */
export function watchStaffCorner(win: Window, onPress: () => void): () => void {
  let pointerId: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let swallowClick = false;

  const inCorner = (event: PointerEvent) => event.clientX <= STAFF_CORNER_PX && event.clientY <= STAFF_CORNER_PX;
  const cancel = () => {
    clearTimeout(timer);
    pointerId = null;
  };
  const onDown = (event: PointerEvent) => {
    // A second finger, or a press elsewhere, is not the gesture.
    swallowClick = false;
    if (pointerId !== null || !inCorner(event)) return cancel();
    pointerId = event.pointerId;
    timer = setTimeout(() => {
      pointerId = null;
      swallowClick = true;
      onPress();
    }, STAFF_HOLD_MS);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId === pointerId && !inCorner(event)) cancel();
  };
  const onEnd = (event: PointerEvent) => {
    if (event.pointerId === pointerId) cancel();
  };
  // The lift that ends a long press must not also press what is under the finger (Back, or the
  // attract screen, which would start a visitor session behind the staff panel).
  const onClick = (event: MouseEvent) => {
    if (!swallowClick) return;
    swallowClick = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const listeners: [string, EventListener][] = [
    ['pointerdown', onDown as EventListener],
    ['pointermove', onMove as EventListener],
    ['pointerup', onEnd as EventListener],
    ['pointercancel', onEnd as EventListener],
    ['click', onClick as EventListener],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, CAPTURE);
  return () => {
    cancel();
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, CAPTURE);
  };
}
