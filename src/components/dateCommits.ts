/**
 * Event handlers for an <input type="date"> that commits on Enter, on leaving the field and when a
 * date is picked from the calendar, never while it is being typed: Chromium reports a whole date at
 * every keystroke once each part holds a digit (year 0002, 0020, 0202, then 2025). Escape puts the
 * last committed value back.
 */
type FieldEvent = Event & { currentTarget: EventTarget & HTMLInputElement };

export function dateCommits(commit: (field: HTMLInputElement) => void, restore: (field: HTMLInputElement) => void) {
  let typing = false;
  return {
    onkeydown(e: KeyboardEvent & { currentTarget: EventTarget & HTMLInputElement }) {
      if (e.key === 'Enter') {
        typing = false;
        commit(e.currentTarget);
      } else if (e.key === 'Escape') {
        typing = false;
        restore(e.currentTarget);
      } else if (e.key !== 'Tab' && e.key !== 'Shift') typing = true;
    },
    // A click opens the calendar: what is picked there commits at once.
    onpointerdown() {
      typing = false;
    },
    onchange(e: FieldEvent) {
      if (!typing) commit(e.currentTarget);
    },
    onblur(e: FocusEvent & { currentTarget: EventTarget & HTMLInputElement }) {
      typing = false;
      commit(e.currentTarget);
    },
  };
}
