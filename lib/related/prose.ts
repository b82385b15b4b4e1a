/** Characters of running text in an element: its text without the text of its links. */
export function proseLength(element: Element): number {
  let linkChars = 0;
  for (const anchor of element.querySelectorAll('a')) linkChars += (anchor.textContent ?? '').trim().length;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return Math.max(0, text.length - linkChars);
}
