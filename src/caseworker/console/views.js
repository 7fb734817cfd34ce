/**
 * On a narrow screen (a phone, or a desktop browser zoomed to 200–400 %: WCAG 1.4.10 reflow) the
 * list and the open conversation are two views, one at a time, with "Terug naar de lijst" between
 * them (console.css hides the other one by `.layout[data-view]`). On a wide screen both show side
 * by side, the button is hidden, and nothing here changes what is seen or where focus goes.
 */
import { $ } from './dom.js';

/** The same width as the breakpoint in console.css. */
const NARROW = '(max-width: 760px)';

/** createViews({ inbox }) → { showDetail(), showList(), narrow } */
export function createViews({ inbox }) {
  const layout = $('layout');
  const query = window.matchMedia(NARROW);

  /** A conversation was chosen: its view replaces the list; focus leaves the hidden row for its title. */
  function showDetail() {
    layout.dataset.view = 'detail';
    if (query.matches && $('inbox').contains(document.activeElement)) $('detail-title').focus();
  }

  /** Back to the list: focus on the row that was open, or (when it left the list) on the list's heading. */
  function showList() {
    layout.dataset.view = 'list';
    if (!query.matches) return;
    // The list has no address of its own: a reload shows the list, not the conversation just left.
    history.replaceState(null, '', location.pathname + location.search);
    const row = inbox.selectedId ? $('inbox-list').querySelector(`[data-id="${CSS.escape(inbox.selectedId)}"]`) : null;
    (row ?? $('inbox-title')).focus();
  }

  $('back-to-list').addEventListener('click', showList);

  return {
    showDetail,
    showList,
    get narrow() {
      return query.matches;
    },
  };
}
