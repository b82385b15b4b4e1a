/** Offers text as a file download from an extension page (no downloads permission needed). */
export function downloadText(doc: Document, fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoke after the browser has taken the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "kontext-2025-01-02" style stem for exported files. */
export function exportFileStem(now: Date = new Date()): string {
  return `kontext-${now.toISOString().slice(0, 10)}`;
}
