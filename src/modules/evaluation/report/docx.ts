/**
 * The evaluation report as DOCX (Word, LibreOffice) with the `docx` package: the same blocks
 * as the PDF (./content.ts). Real heading styles (Title, Heading 1/2) so Word's navigation pane
 * lists the sections; tables with a header row that repeats on every page; charts as PNG
 * rendered by resvg at 2.5 times their drawing size (about 250 dpi at the printed width), with alt text. Markings (ILUSTRATIF,
 * DRAF) sit in the page header of every page, page numbers in the footer. Pure: data in, Buffer out.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { buildReportContent, DRAFT_NOTE, ILLUSTRATIVE_MARK, ILLUSTRATIVE_NOTE, NO_EVIDENCE, reportTitle, type Block, type Column, type ReportContent } from './content.ts';
import { SERIES_STYLE } from './charts.ts';
import { svgSize, svgToPngAsync } from './raster.ts';
import type { EvaluationReportData } from './types.ts';

/** A4 in twips, 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The text width in CSS pixels (96 dpi), the unit of ImageRun sizes. */
const TEXT_PX = (TEXT_TWIPS / 1440) * 96;
const ACCENT = SERIES_STYLE.validated.color.slice(1);
const MUTED = '555555';
const FONT = 'Arial';
/** Chart PNGs are drawn at this multiple of their SVG size: sharp in print at the width used. */
const PNG_SCALE = 2.5;

export async function renderEvaluationDocx(data: EvaluationReportData): Promise<Buffer> {
  const content = buildReportContent(data);
  // Charts are rasterised in parallel off the main thread, then placed.
  const charts = content.blocks.flatMap((b) => (b.kind === 'chart' ? [b.svg] : []));
  const pngs = new Map(await Promise.all(charts.map(async (svg) => [svg, await svgToPngAsync(svg, svgSize(svg).width * PNG_SCALE)] as const)));
  const body = content.blocks.flatMap((block, i) => blockToDocx(block, i === 0, pngs));
  const doc = new Document({
    title: reportTitle(data),
    subject: `${content.subtitle} — ${data.region.name} (${data.region.code})`,
    creator: 'Pilar',
    lastModifiedBy: 'Pilar',
    keywords: content.keywords.join(', '),
    description: content.marks.length ? content.marks.join(', ') : 'Laporan hasil evaluasi',
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: 'id-ID' } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: ACCENT } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: ACCENT }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '1A1A1A' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        headers: { default: new Header({ children: [headerParagraph(content)] }) },
        footers: { default: new Footer({ children: [footerParagraph(content)] }) },
        children: [...cover(content), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function headerParagraph(c: ReportContent) {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: c.marks.length ? [new TextRun({ text: c.marks.join(' · '), bold: true, size: 18 })] : [],
  });
}

function footerParagraph(c: ReportContent) {
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB', space: 4 } },
    children: [
      new TextRun({ text: `${c.footer} · ${c.generatedShort} · `, size: 15, color: MUTED }),
      new TextRun({ children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES], size: 15, color: MUTED }),
    ],
  });
}

function cover(c: ReportContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    new Paragraph({ children: [new TextRun({ text: c.subtitle, size: 26, color: MUTED })], spacing: { after: 480 } }),
    new Paragraph({ children: [new TextRun({ text: c.region, bold: true, size: 44 })] }),
    new Paragraph({ children: [new TextRun({ text: `Provinsi ${c.province}`, size: 26, color: MUTED })], spacing: { after: 480 } }),
    new Paragraph({ children: [new TextRun({ text: c.headline.label, size: 24, color: MUTED })] }),
    new Paragraph({ children: [new TextRun({ text: c.headline.value, bold: true, size: 96 })], spacing: { after: 360 } }),
    ...c.cover.map((line) => new Paragraph({ children: [new TextRun({ text: `${line.label}: `, color: MUTED, size: 22 }), new TextRun({ text: line.value, bold: true, size: 22 })] })),
  ];
  for (const mark of c.marks) {
    out.push(new Paragraph({
      spacing: { before: 240 },
      border: ['top', 'bottom', 'left', 'right'].reduce((b, side) => ({ ...b, [side]: { style: BorderStyle.SINGLE, size: 12, color: '1A1A1A', space: 6 } }), {}),
      children: [new TextRun({ text: mark === ILLUSTRATIVE_MARK ? ILLUSTRATIVE_NOTE : DRAFT_NOTE, bold: true })],
    }));
  }
  out.push(new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: c.generated, color: MUTED, size: 18 })] }));
  return out;
}

function blockToDocx(block: Block, first: boolean, pngs: Map<string, Buffer>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({
        heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        pageBreakBefore: first, // the cover stands alone
        children: [new TextRun(block.text)],
      })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, color: block.note ? MUTED : undefined, size: block.note ? 18 : 20 })] })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'chart': {
      const size = svgSize(block.svg);
      const width = Math.round(TEXT_PX * block.width);
      const height = Math.round((width * size.height) / size.width);
      const title = /<title[^>]*>([^<]*)<\/title>/.exec(block.svg)?.[1] ?? block.caption;
      const description = /<desc[^>]*>([^<]*)<\/desc>/.exec(block.svg)?.[1] ?? block.caption;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [new ImageRun({
            type: 'png',
            data: pngs.get(block.svg)!,
            transformation: { width, height },
            altText: { name: title, title, description },
          })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: block.caption, size: 18, color: MUTED })] }),
      ];
    }
    case 'table':
      return [
        new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: block.caption, bold: true, size: 18 })] }),
        table(block.columns, block.rows),
        new Paragraph({ children: [] }),
      ];
  }
}

function table(columns: Column[], rows: string[][]) {
  const widths = columns.map((c) => Math.round(c.width * TEXT_TWIPS));
  const align = (c: Column) => (c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (text: string, i: number, header: boolean, zebra: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: header ? { fill: 'E3ECF4', type: ShadingType.CLEAR, color: 'auto' } : zebra ? { fill: 'F4F4F4', type: ShadingType.CLEAR, color: 'auto' } : undefined,
      // A second line (e.g. component · dimension under an indicator's name) is a muted note.
      children: text.split('\n').map((line, l) => new Paragraph({
        alignment: align(columns[i]!),
        spacing: { after: 0 },
        children: [new TextRun({ text: line, bold: header || line === NO_EVIDENCE, size: l === 0 ? 17 : 15, color: l === 0 ? undefined : MUTED })],
      })),
    });
  return new Table({
    width: { size: TEXT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.title, i, true, false)) }),
      ...rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false, ri % 2 === 1)) })),
    ],
  });
}
