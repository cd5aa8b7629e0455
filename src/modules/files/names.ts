/**
 * File names from clients are untrusted: they may carry a path ("../../etc/passwd",
 * "C:\\x"), control characters, markup, or a misleading extension. These pure functions
 * make a name safe to store, show and send back in a Content-Disposition header.
 */

const MAX_NAME = 160;

/** A safe display name: last path segment, no control/markup/reserved characters, NFC, bounded, with the sniffed extension. */
export function sanitiseName(raw: string | undefined, ext: string): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*`]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  // The extension always tells the real (sniffed) type: "laporan.html" holding a PDF becomes "laporan.html.pdf".
  const endings = ext === 'jpg' ? ['.jpg', '.jpeg', '.jpe'] : [`.${ext}`];
  const ending = endings.find((e) => name.toLowerCase().endsWith(e));
  // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them).
  let stem = (ending ? name.slice(0, -ending.length) : name).replace(/^[.\s_-]+/, '').replace(/[.\s]+$/, '');
  if (!stem) stem = 'berkas';
  // Bound the length by code points, keeping the extension.
  const points = [...stem];
  if (points.length > MAX_NAME) stem = points.slice(0, MAX_NAME).join('').trimEnd();
  return `${stem}.${ext}`;
}

/** RFC 6266 / RFC 5987 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
