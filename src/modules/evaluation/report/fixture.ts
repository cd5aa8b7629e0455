/**
 * A realistic report for tests, benches and previews: Kutai Kartanegara, 2023, on the 2023
 * stage II weights (Baseline 10, Output 20, Outcome 20, Impact 20, Quick Win 20, Kolaborasi 10 %),
 * 30 indicators in Pilar's own wording. ILLUSTRATIVE: every level, index, rank and narrative
 * here is invented (the quick-win names are Kukar's 2022 quick wins from seed 003; nothing
 * more is said about them). The component, dimension and final indices are computed from the
 * indicator levels (equal indicator weights inside a component), so the figures agree.
 */
import type { EvaluationReportData } from './types.ts';

type Dim = 'governance' | 'branding' | 'economy' | 'living' | 'society' | 'environment';
const DIMENSIONS: { key: Dim; name: string }[] = [
  { key: 'governance', name: 'Smart Governance' },
  { key: 'branding', name: 'Smart Branding' },
  { key: 'economy', name: 'Smart Economy' },
  { key: 'living', name: 'Smart Living' },
  { key: 'society', name: 'Smart Society' },
  { key: 'environment', name: 'Smart Environment' },
];
const COMPONENTS = [
  { key: 'baseline', name: 'Baseline', weight: 0.1 },
  { key: 'output', name: 'Output', weight: 0.2 },
  { key: 'outcome', name: 'Outcome', weight: 0.2 },
  { key: 'impact', name: 'Impact', weight: 0.2 },
  { key: 'quickwin', name: 'Quick Win', weight: 0.2 },
  { key: 'kolaborasi', name: 'Program Kolaborasi', weight: 0.1 },
];

// [key, component, dimension, name, self, validated, reason, evidence]
type Row = [string, string, Dim | null, string, number, number, string | null, string[]];
const ROWS: Row[] = [
  ['BL-1', 'baseline', null, 'Peningkatan capaian dibanding evaluasi sebelumnya', 4, 4, null, ['Laporan evaluasi 2022']],
  ['BL-2', 'baseline', 'governance', 'Tindak lanjut rekomendasi evaluasi tahun lalu', 4, 3, 'Dua dari lima rekomendasi belum ditindaklanjuti.', ['Matriks tindak lanjut rekomendasi 2022']],
  ['BL-3', 'baseline', 'governance', 'Pemutakhiran masterplan smart city', 3, 3, null, ['Berita acara bimtek IV', 'Draf revisi masterplan']],
  ['BL-4', 'baseline', 'society', 'Pemutakhiran data dasar daerah (Satu Data)', 3, 3, null, ['Portal Satu Data: daftar dataset']],
  ['BL-5', 'baseline', 'economy', 'Keterlibatan OPD dalam pemutakhiran program', 4, 4, null, ['Daftar hadir rapat koordinasi OPD']],
  ['OP-1', 'output', 'governance', 'Peraturan Bupati tentang masterplan smart city', 5, 5, null, ['Perbup masterplan smart city']],
  ['OP-2', 'output', 'governance', 'Dewan Smart City dan Tim Pelaksana ditetapkan dan aktif', 4, 4, null, ['SK Dewan Smart City', 'Notulen rapat dewan']],
  ['OP-3', 'output', 'economy', 'Alokasi APBD untuk program smart city', 4, 3, 'Alokasi APBD hanya untuk sebagian program prioritas.', ['Ringkasan APBD 2023']],
  ['OP-4', 'output', 'governance', 'Standar operasional prosedur layanan digital', 3, 3, null, []],
  ['OP-5', 'output', 'living', 'Infrastruktur TIK pendukung layanan', 3, 3, null, ['Peta jaringan fiber optik OPD']],
  ['OC-1', 'outcome', 'governance', 'Program Smart Governance terlaksana sesuai rencana aksi', 4, 4, null, ['Laporan kemajuan program triwulan IV']],
  ['OC-2', 'outcome', 'branding', 'Program Smart Branding terlaksana sesuai rencana aksi', 4, 4, null, ['Laporan kemajuan program triwulan IV']],
  ['OC-3', 'outcome', 'economy', 'Program Smart Economy terlaksana sesuai rencana aksi', 4, 3, 'Dua program UMKM tertunda; bukti kemajuan belum lengkap.', ['Laporan kemajuan program triwulan IV']],
  ['OC-4', 'outcome', 'living', 'Program Smart Living terlaksana sesuai rencana aksi', 3, 3, null, ['Laporan kemajuan program triwulan IV']],
  ['OC-5', 'outcome', 'environment', 'Program Smart Environment terlaksana sesuai rencana aksi', 3, 2, 'Program bank sampah baru berjalan di sebagian kecamatan.', []],
  ['IM-1', 'impact', 'governance', 'Kepuasan masyarakat terhadap layanan publik', 4, 4, null, ['Hasil survei kepuasan masyarakat 2023']],
  ['IM-2', 'impact', 'branding', 'Kunjungan wisatawan dan citra daerah', 4, 4, null, ['Data kunjungan wisata Dinas Pariwisata']],
  ['IM-3', 'impact', 'economy', 'Pertumbuhan UMKM yang memanfaatkan layanan digital', 3, 3, null, ['Rekap UMKM binaan']],
  ['IM-4', 'impact', 'living', 'Kemudahan akses layanan kesehatan', 3, 3, null, []],
  ['IM-5', 'impact', 'environment', 'Pengelolaan sampah berbasis masyarakat', 3, 2, 'Data volume sampah terkelola tidak tersedia.', []],
  ['QW-1', 'quickwin', 'governance', 'Quick win Smart Governance: Becik', 5, 4, 'Inovasi berjalan, tetapi cakupan layanan belum di semua kecamatan.', ['Laporan progres Becik']],
  ['QW-2', 'quickwin', 'branding', 'Quick win Smart Branding: Kukar Asia Wonders', 5, 5, null, ['Laporan progres Kukar Asia Wonders', 'Dokumentasi kegiatan']],
  ['QW-3', 'quickwin', 'economy', 'Quick win Smart Economy: Bangmus Kebulan', 4, 4, null, ['Laporan progres Bangmus Kebulan']],
  ['QW-4', 'quickwin', 'society', 'Quick win Smart Society: Kidung', 4, 4, null, ['Laporan progres Kidung']],
  ['QW-5', 'quickwin', 'living', 'Quick win Smart Living: Siruni', 4, 3, 'Progres fisik 60 %, di bawah target tahunan.', ['Laporan progres Siruni']],
  ['QW-6', 'quickwin', 'environment', 'Quick win Smart Environment: Smart Bio Village', 3, 3, null, []],
  ['KO-1', 'kolaborasi', 'society', 'Kemitraan dengan perguruan tinggi', 3, 3, null, ['Nota kesepahaman dengan perguruan tinggi']],
  ['KO-2', 'kolaborasi', 'economy', 'Kolaborasi dengan dunia usaha', 3, 2, 'Kerja sama belum dituangkan dalam perjanjian.', []],
  ['KO-3', 'kolaborasi', 'governance', 'Kolaborasi antardaerah di kawasan IKN', 2, 2, null, ['Notulen forum kabupaten sekitar IKN']],
  ['KO-4', 'kolaborasi', 'society', 'Pelibatan komunitas dan masyarakat', 3, 3, null, ['Dokumentasi forum komunitas']],
];

/** Illustrative dimension indices of 2022 (previous year). */
const PREVIOUS: Record<Dim, number> = { governance: 3.2, branding: 3.6, economy: 2.9, living: 2.8, society: 3.0, environment: 2.4 };

const round2 = (x: number) => Math.round(Number(`${Number(x.toPrecision(12))}e2`)) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Kutai Kartanegara's 2023 report (illustrative, final). Pass overrides for variants (e.g. a draft). */
export function kukar2023Report(overrides: Partial<EvaluationReportData> = {}): EvaluationReportData {
  const components = COMPONENTS.map((c) => {
    const rows = ROWS.filter((r) => r[1] === c.key);
    return { ...c, self: round2(mean(rows.map((r) => r[4]))!), validated: round2(mean(rows.map((r) => r[5]))!) };
  });
  const index = (k: 'self' | 'validated') => round2(components.reduce((a, c) => a + c.weight * c[k], 0));
  const dimensions = DIMENSIONS.map((d) => {
    const rows = ROWS.filter((r) => r[2] === d.key);
    return { ...d, self: round2(mean(rows.map((r) => r[4]))!), validated: round2(mean(rows.map((r) => r[5]))!), previous: PREVIOUS[d.key] };
  });
  const validated = index('validated');
  return {
    region: { code: '64.02', name: 'Kabupaten Kutai Kartanegara', province: 'Kalimantan Timur' },
    year: 2023,
    instrument: { id: 'gmsc-tahap2-2023', name: 'Evaluasi Gerakan Menuju Smart City 2023 Tahap II', ownWording: true, scaleMax: 5 },
    status: 'final',
    illustrative: true,
    index: { self: index('self'), validated, previous: 3.12, predicate: null, rank: { rank: 12, of: 48 } },
    components,
    dimensions,
    history: [
      { year: 2021, index: 2.71, instrumentId: 'gmsc-kppn-ikn-2021' },
      { year: 2022, index: 3.12, instrumentId: 'gmsc-kppn-ikn-2022' },
      { year: 2023, index: validated, instrumentId: 'gmsc-tahap2-2023' },
    ],
    indicators: ROWS.map(([key, component, dimension, name, self, v, reason, evidence]) => ({
      key, name, component, dimension, self, validated: v, reason, evidence,
    })),
    narrative: {
      strengths: [
        'Smart Branding menjadi dimensi terkuat: quick win Kukar Asia Wonders tervalidasi pada level tertinggi.',
        'Kerangka kebijakan lengkap: Perbup masterplan, Dewan Smart City dan Tim Pelaksana aktif.',
        'Indeks naik dibanding tahun 2022.',
      ],
      weaknesses: [
        'Smart Environment menjadi dimensi terlemah; pengelolaan sampah belum didukung data.',
        'Enam indikator dijawab tanpa data dukung yang valid.',
        'Selisih penilaian mandiri dan validasi terbesar pada komponen Outcome dan Quick Win.',
      ],
      recommendations: [
        'Lengkapi data dukung setiap indikator sebelum penilaian mandiri dikirim.',
        'Pilih quick win Smart Environment tahun depan yang hasilnya dapat diukur.',
        'Tuangkan kolaborasi dengan dunia usaha dalam perjanjian kerja sama.',
      ],
    },
    generatedAt: '2026-11-25T03:00:00.000Z',
    ...overrides,
  };
}
