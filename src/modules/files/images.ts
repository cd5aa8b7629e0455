import sharp from 'sharp';

export const THUMBNAIL_PX = 320;
/** Refuse decompression bombs: no evidence photo needs more pixels than this (≈ 8000×6000). */
export const MAX_MEGAPIXELS = 50;
const MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000;

/**
 * Phone photos carry GPS coordinates and camera data in EXIF. Before an image is stored,
 * it is turned upright (EXIF orientation applied) and re-encoded in its own format without
 * any metadata; bytes appended to or hidden in the image (polyglots) are dropped too.
 * The thumbnail is WebP, at most 320 px on its longest side. Throws when sharp cannot
 * decode the image.
 */
export async function processImage(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png' | 'image/webp'): Promise<{ clean: Buffer; thumbnail: Buffer }> {
  const input = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  const clean = await (mime === 'image/jpeg' ? input().jpeg({ quality: 88 })
    : mime === 'image/png' ? input().png({ compressionLevel: 9 })
    : input().webp({ quality: 88 })).toBuffer();
  const thumbnail = await sharp(clean)
    .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 })
    .toBuffer();
  return { clean, thumbnail };
}
