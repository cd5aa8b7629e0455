import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseName } from './names.ts';

describe('sanitiseName', () => {
  it('keeps an ordinary Indonesian name as it is', () => {
    expect(sanitiseName('Berita Acara Serah Terima – Desa Loa Ipuh.pdf', 'pdf')).toBe('Berita Acara Serah Terima – Desa Loa Ipuh.pdf');
    expect(sanitiseName('IMG_20260311_094512.JPEG', 'jpg')).toBe('IMG_20260311_094512.jpg');
  });

  it('drops folders, control and bidi characters, markup and leading dots', () => {
    expect(sanitiseName('..\\..\\Windows\\system.ini', 'pdf')).toBe('system.ini.pdf');
    expect(sanitiseName('/etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseName('.bashrc', 'pdf')).toBe('bashrc.pdf');
    expect(sanitiseName('laporan\u202egpj.exe', 'pdf')).toBe('laporangpj.exe.pdf');
    expect(sanitiseName('a\r\nContent-Type: x.pdf', 'pdf')).toBe('aContent-Type_ x.pdf');
    expect(sanitiseName('"><svg onload=alert(1)>.png', 'png')).toBe('svg onload=alert(1)_.png');
  });

  it('always ends in the sniffed extension, and falls back to "berkas"', () => {
    expect(sanitiseName('foto.jpg', 'png')).toBe('foto.jpg.png');
    expect(sanitiseName(undefined, 'pdf')).toBe('berkas.pdf');
    expect(sanitiseName('   ', 'docx')).toBe('berkas.docx');
    expect(sanitiseName('....pdf', 'pdf')).toBe('berkas.pdf');
  });

  it('bounds the length by characters, not bytes, keeping the extension', () => {
    const name = sanitiseName(`${'🏝️'.repeat(300)}.pdf`, 'pdf');
    expect([...name.slice(0, -4)].length).toBeLessThanOrEqual(160);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(name)).toBe(false); // no half surrogate pair
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987)', () => {
    expect(contentDisposition('attachment', 'Anggaran Dinas Pariwisata (2026).xlsx'))
      .toBe(`attachment; filename="Anggaran Dinas Pariwisata (2026).xlsx"; filename*=UTF-8''Anggaran%20Dinas%20Pariwisata%20%282026%29.xlsx`);
    expect(contentDisposition('inline', 'Peresmian menara BTS – Muara Muntai.jpg'))
      .toBe(`inline; filename="Peresmian menara BTS _ Muara Muntai.jpg"; filename*=UTF-8''Peresmian%20menara%20BTS%20%E2%80%93%20Muara%20Muntai.jpg`);
    expect(contentDisposition('inline', 'Café \\ "x".pdf')).toBe(`inline; filename="Cafe _ _x_.pdf"; filename*=UTF-8''Caf%C3%A9%20%5C%20%22x%22.pdf`);
  });
});
