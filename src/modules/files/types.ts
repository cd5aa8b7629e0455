import { fileTypeFromBuffer } from 'file-type';

/** The file types Pilar accepts as evidence, by sniffed MIME type. */
export const ACCEPTED = {
  'image/jpeg': { ext: 'jpg', image: true },
  'image/png': { ext: 'png', image: true },
  'image/webp': { ext: 'webp', image: true },
  'application/pdf': { ext: 'pdf', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', image: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', image: false },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { ext: 'pptx', image: false },
  'application/vnd.oasis.opendocument.text': { ext: 'odt', image: false },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods', image: false },
} as const satisfies Record<string, { ext: string; image: boolean }>;

export type AcceptedMime = keyof typeof ACCEPTED;

export const isAccepted = (mime: string): mime is AcceptedMime => Object.hasOwn(ACCEPTED, mime);

/** Shown inline by the browser (under a sandboxing CSP); everything else is a download. */
export const isInline = (mime: string) => mime.startsWith('image/') || mime === 'application/pdf';

/**
 * The type of the bytes, from their content alone (magic numbers). Office documents are zip
 * containers: file-type reads the container's own declaration — `[Content_Types].xml` of
 * OOXML (docx/xlsx/pptx, macro-enabled variants have their own types and are refused) and
 * the `mimetype` entry of OpenDocument — so a plain zip or a renamed archive is not taken
 * for a document. Undefined when nothing is recognised (e.g. HTML, text, scripts).
 */
export async function sniff(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined> {
  const t = await fileTypeFromBuffer(bytes);
  return t ? { mime: t.mime, ext: t.ext } : undefined;
}
