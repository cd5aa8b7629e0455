/**
 * The report's one typeface: DejaVu Sans from the npm package `dejavu-fonts-ttf` (Bitstream
 * Vera licence plus public-domain DejaVu changes: free to use, embed and redistribute).
 * Shipping the TrueType files with a dependency means charts and PDFs render the same on every
 * machine, including servers without system fonts: resvg needs real font files (it draws no
 * text otherwise), and pdfkit embeds a subset of the font so Indonesian text and signs such
 * as "–", "≥", "−" print correctly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_REGULAR = path.join(dir, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(dir, 'DejaVuSans-Bold.ttf');
