/** The popup's two tabs, and which one its address opens on (its own module: the early script reads it). */
export type PopupTab = 'article' | 'saved';

/** `popup.html#saved` opens on the saved list; the hash follows the tab so a reload keeps it. */
export function tabFromHash(hash: string): PopupTab {
  return hash === '#saved' ? 'saved' : 'article';
}
