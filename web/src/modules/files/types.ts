/** An evidence file as the API returns it (src/modules/files/service.ts FileMeta). */
export type FileMeta = {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  url: string;
  thumbnailUrl: string | null;
  public: boolean;
};

/** What the server accepts (it sniffs the bytes; this is only the early, friendly check). */
export const ACCEPTED_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export const ACCEPT_ATTR = [...new Set([...Object.keys(ACCEPTED_TYPES).map((e) => `.${e}`), ...Object.values(ACCEPTED_TYPES)])].join(',');

/** Accepted when its extension or its browser-given type is one of ours (phones often give no type). */
export function looksAccepted(file: { name: string; type: string }): boolean {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return ext in ACCEPTED_TYPES || Object.values(ACCEPTED_TYPES).includes(file.type);
}

/** A short label for a file without thumbnail: "PDF", "DOCX", … */
export function kindLabel(f: Pick<FileMeta, 'mime' | 'name'>): string {
  const ext = Object.entries(ACCEPTED_TYPES).find(([, m]) => m === f.mime)?.[0] ?? f.name.split('.').pop() ?? '';
  return ext.toUpperCase().slice(0, 4);
}
