/**
 * SVG → PNG with resvg, using only the bundled DejaVu Sans (no system fonts: same output on
 * every machine, and faster). Used for the DOCX, which cannot hold SVG charts portably.
 */
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_BOLD, FONT_FAMILY, FONT_REGULAR } from './fonts.ts';

const options = (width: number): ResvgRenderOptions => ({
  fitTo: { mode: 'width', value: width },
  background: '#FFFFFF',
  font: { loadSystemFonts: false, fontFiles: [FONT_REGULAR, FONT_BOLD], defaultFontFamily: FONT_FAMILY },
});

/** PNG of an SVG at the given pixel width (height follows the aspect ratio). */
export function svgToPng(svg: string, width: number): Buffer {
  return new Resvg(svg, options(width)).render().asPng();
}

/** The same off the main thread (libuv pool): a server rendering a DOCX keeps answering meanwhile. */
export async function svgToPngAsync(svg: string, width: number): Promise<Buffer> {
  return (await renderAsync(svg, options(width))).asPng();
}

/** Width and height the SVG declares (its own units), for placing the image at the right ratio. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('SVG without width and height');
  return { width: Number(m[1]), height: Number(m[2]) };
}
