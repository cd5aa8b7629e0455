/**
 * The evaluation report as PDF (A4, Bahasa Indonesia) with pdfkit: a cover, then the blocks of
 * ./content.ts. Charts go in as vectors (svg-to-pdfkit), so they print sharp at any size; text
 * is DejaVu Sans, embedded as a subset. Tables repeat their header row on every page they span.
 * Page numbers, the generated date and the ILUSTRATIF/DRAF markings are drawn on every page
 * once all pages exist (bufferPages). Pure: data in, Buffer out.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { buildReportContent, DRAFT_NOTE, ILLUSTRATIVE_MARK, ILLUSTRATIVE_NOTE, NO_EVIDENCE, reportTitle, type Block, type Column, type ReportContent } from './content.ts';
import { SERIES_STYLE } from './charts.ts';
import { FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { svgSize } from './raster.ts';
import type { EvaluationReportData } from './types.ts';

const MARGIN = { top: 60, bottom: 64, left: 56, right: 56 };
const INK = '#1A1A1A';
const MUTED = '#555555';
const ACCENT = SERIES_STYLE.validated.color;
const HEADER_FILL = '#E3ECF4';
const ZEBRA_FILL = '#F4F4F4';

type Doc = PDFKit.PDFDocument;

export function renderEvaluationPdf(data: EvaluationReportData): Promise<Buffer> {
  const content = buildReportContent(data);
  const created = new Date(data.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: reportTitle(data),
      Author: 'Pilar',
      Creator: 'Pilar',
      Subject: `${content.subtitle} — ${data.region.name} (${data.region.code})`,
      Keywords: content.keywords.join(', '),
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created, ModDate: created }),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Sans', FONT_REGULAR);
  doc.registerFont('Sans-Bold', FONT_BOLD);
  doc.font('Sans').fillColor(INK);

  drawCover(doc, content);
  doc.addPage();
  for (const block of content.blocks) drawBlock(doc, block);
  drawPageFurniture(doc, content);
  doc.end();
  return done;
}

const textWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomLimit = (doc: Doc) => doc.page.height - MARGIN.bottom;
/** Starts a new page when less than `needed` points are left. */
function ensureSpace(doc: Doc, needed: number) {
  if (doc.y + needed > bottomLimit(doc)) doc.addPage();
}

function drawCover(doc: Doc, c: ReportContent) {
  const w = textWidth(doc);
  doc.rect(0, 0, doc.page.width, 190).fill(ACCENT);
  doc.fillColor('#FFFFFF').font('Sans-Bold').fontSize(26).text(c.title, MARGIN.left, 70, { width: w });
  doc.font('Sans').fontSize(13).text(c.subtitle, { width: w });
  doc.fillColor(INK).font('Sans-Bold').fontSize(24).text(c.region, MARGIN.left, 230, { width: w });
  doc.font('Sans').fontSize(13).fillColor(MUTED).text(`Provinsi ${c.province}`, { width: w });

  const boxY = 320;
  doc.roundedRect(MARGIN.left, boxY, w, 120, 6).lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc.fillColor(MUTED).font('Sans').fontSize(12).text(c.headline.label, MARGIN.left + 20, boxY + 18, { width: w - 40 });
  doc.fillColor(INK).font('Sans-Bold').fontSize(54).text(c.headline.value, MARGIN.left + 20, boxY + 40, { width: w - 40 });

  doc.y = boxY + 150;
  for (const line of c.cover) {
    const y = doc.y;
    doc.font('Sans').fontSize(11).fillColor(MUTED).text(line.label, MARGIN.left, y, { width: 150 });
    doc.font('Sans-Bold').fontSize(11).fillColor(INK).text(line.value, MARGIN.left + 160, y, { width: w - 160 });
    doc.y = Math.max(doc.y, y + 14) + 8;
  }
  if (c.marks.length) {
    const y = doc.y + 16;
    const notes = c.marks.map((m) => (m === ILLUSTRATIVE_MARK ? ILLUSTRATIVE_NOTE : DRAFT_NOTE));
    doc.font('Sans-Bold').fontSize(11).fillColor(INK);
    const heights = notes.map((note) => doc.heightOfString(note, { width: w - 24 }));
    const h = 20 + heights.reduce((a, b) => a + b + 6, -6);
    doc.rect(MARGIN.left, y, w, h).lineWidth(2).strokeColor(INK).stroke();
    let ny = y + 10;
    notes.forEach((note, i) => {
      doc.text(note, MARGIN.left + 12, ny, { width: w - 24 });
      ny += heights[i]! + 6;
    });
  }
  doc.font('Sans').fontSize(10).fillColor(MUTED).text(c.generated, MARGIN.left, bottomLimit(doc) - 40, { width: w });
  doc.fillColor(INK);
}

function drawBlock(doc: Doc, block: Block) {
  const w = textWidth(doc);
  doc.x = MARGIN.left;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? 16 : 13;
      ensureSpace(doc, block.level === 1 ? 110 : 70); // never a heading alone at a page's foot
      doc.moveDown(block.level === 1 ? 0.8 : 0.5);
      if (block.level === 1) doc.outline.addItem(block.text);
      doc.font('Sans-Bold').fontSize(size).fillColor(block.level === 1 ? ACCENT : INK).text(block.text, { width: w });
      doc.moveDown(0.3).fillColor(INK);
      return;
    }
    case 'paragraph': {
      doc.font('Sans').fontSize(block.note ? 9 : 10).fillColor(block.note ? MUTED : INK);
      ensureSpace(doc, doc.heightOfString(block.text, { width: w }) + 6);
      doc.text(block.text, { width: w });
      doc.moveDown(0.4).fillColor(INK);
      return;
    }
    case 'bullets': {
      doc.font('Sans').fontSize(10).fillColor(INK);
      for (const item of block.items) {
        const h = doc.heightOfString(item, { width: w - 16 });
        ensureSpace(doc, h + 4);
        const y = doc.y;
        doc.circle(MARGIN.left + 4, y + 6, 2).fill(INK);
        doc.text(item, MARGIN.left + 16, y, { width: w - 16 });
        doc.moveDown(0.3);
      }
      doc.x = MARGIN.left;
      return;
    }
    case 'chart': {
      const size = svgSize(block.svg);
      const width = w * block.width;
      const height = (width * size.height) / size.width;
      doc.font('Sans').fontSize(9);
      const captionH = doc.heightOfString(block.caption, { width: w }) + 8;
      ensureSpace(doc, height + captionH + 8);
      const x = MARGIN.left + (w - width) / 2;
      const y = doc.y + 4;
      // The SVG's own width/height would win over the viewport given here: size it in points.
      const sized = block.svg.replace(/^<svg([^>]*?)\swidth="[\d.]+"\sheight="[\d.]+"/, `<svg$1 width="${width}" height="${height}"`);
      SVGtoPDF(doc, sized, x, y, {
        width,
        height,
        assumePt: true,
        fontCallback: (_family, bold) => (bold ? 'Sans-Bold' : 'Sans'),
        warningCallback: () => undefined,
      });
      doc.font('Sans').fontSize(9).fillColor(MUTED).text(block.caption, MARGIN.left, y + height + 4, { width: w, align: 'center' });
      doc.moveDown(0.8).fillColor(INK);
      return;
    }
    case 'table':
      drawTable(doc, block.columns, block.rows, block.caption);
  }
}

const CELL_PAD = 4;
const BODY_SIZE = 8.5;
const NOTE_SIZE = 7.5;

function drawTable(doc: Doc, columns: Column[], rows: string[][], caption: string) {
  const w = textWidth(doc);
  const widths = columns.map((c) => c.width * w);
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  // A cell's first line is its text; further lines are a muted note in smaller type.
  // "tanpa data dukung" is set bold: it is a finding, not an absence of content.
  const parts = (text: string) => {
    const [main = '', ...rest] = text.split('\n');
    return { main, note: rest.join(' '), bold: main === NO_EVIDENCE };
  };
  const cellHeight = (text: string, i: number, header: boolean) => {
    const { main, note, bold } = parts(text);
    const cw = widths[i]! - 2 * CELL_PAD;
    const h = doc.font(header || bold ? 'Sans-Bold' : 'Sans').fontSize(BODY_SIZE).heightOfString(main || ' ', { width: cw });
    return note ? h + doc.font('Sans').fontSize(NOTE_SIZE).heightOfString(note, { width: cw }) : h;
  };
  const rowHeight = (cells: string[], bold: boolean) => Math.max(...cells.map((t, i) => cellHeight(t, i, bold))) + 2 * CELL_PAD;
  const maxRow = bottomLimit(doc) - MARGIN.top - 60;

  const drawRow = (cells: string[], y: number, h: number, header: boolean, zebra: boolean) => {
    if (header || zebra) doc.rect(MARGIN.left, y, w, h).fill(header ? HEADER_FILL : ZEBRA_FILL);
    cells.forEach((text, i) => {
      const { main, note, bold } = parts(text);
      const opts = { width: widths[i]! - 2 * CELL_PAD, align: columns[i]!.align ?? 'left', ellipsis: true } as const;
      doc.font(header || bold ? 'Sans-Bold' : 'Sans').fontSize(BODY_SIZE).fillColor(INK)
        .text(main, xs[i]! + CELL_PAD, y + CELL_PAD, { ...opts, height: h - CELL_PAD });
      if (note) {
        const top = doc.y;
        doc.font('Sans').fontSize(NOTE_SIZE).fillColor(MUTED).text(note, xs[i]! + CELL_PAD, top, { ...opts, height: Math.max(1, y + h - top) });
      }
    });
    doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + w, y + h).lineWidth(header ? 1 : 0.4).strokeColor(header ? INK : '#BBBBBB').stroke();
  };
  const headerCells = columns.map((c) => c.title);
  const headerH = rowHeight(headerCells, true);
  const drawCaption = (cont: boolean) => {
    doc.font('Sans-Bold').fontSize(9).fillColor(INK).text(cont ? `${caption} (lanjutan)` : caption, MARGIN.left, doc.y, { width: w });
    doc.moveDown(0.2);
  };

  // Caption, header and first row stay together.
  ensureSpace(doc, 16 + headerH + (rows[0] ? Math.min(rowHeight(rows[0], false), maxRow) : 0));
  drawCaption(false);
  let y = doc.y;
  drawRow(headerCells, y, headerH, true, false);
  y += headerH;
  rows.forEach((cells, r) => {
    const h = Math.min(rowHeight(cells, false), maxRow);
    if (y + h > bottomLimit(doc)) {
      doc.addPage();
      doc.y = MARGIN.top;
      drawCaption(true);
      y = doc.y;
      drawRow(headerCells, y, headerH, true, false);
      y += headerH;
    }
    drawRow(cells, y, h, false, r % 2 === 1);
    y += h;
  });
  doc.x = MARGIN.left;
  doc.y = y + 10;
}

/** Running header (markings), footer (region, date, page X of N) and the DRAF watermark, on every page. */
function drawPageFurniture(doc: Doc, c: ReportContent) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const w = width - MARGIN.left - MARGIN.right;
    doc.page.margins = { ...doc.page.margins, top: 0, bottom: 0 }; // writing in the margins must not add pages
    if (c.draft) {
      doc.save();
      doc.rotate(-45, { origin: [width / 2, height / 2] });
      doc.font('Sans-Bold').fontSize(150).fillColor('#9E9E9E').fillOpacity(0.22)
        .text('DRAF', 0, height / 2 - 90, { width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    if (i > range.start && c.marks.length) {
      doc.font('Sans-Bold').fontSize(9).fillColor(INK).text(c.marks.join(' · '), MARGIN.left, 30, { width: w, align: 'right', lineBreak: false });
    }
    const y = height - 40;
    doc.moveTo(MARGIN.left, y - 6).lineTo(width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor('#BBBBBB').stroke();
    doc.font('Sans').fontSize(7.5).fillColor(MUTED);
    doc.text(`${c.footer} · ${c.generatedShort}`, MARGIN.left, y, { width: w - 90, lineBreak: false, ellipsis: true });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, width - MARGIN.right - 90, y, { width: 90, align: 'right', lineBreak: false });
  }
  doc.fillColor(INK);
}
