/**
 * Reference data: the Gerakan Menuju Smart City framework, six dimensions and eighteen
 * elements (Kominfo, 2017 onwards). Versioned: a masterplan points at a version id, so a
 * later revision of the framework is added as a new version, never by editing this one.
 */
export interface FrameworkDefinition {
  id: string;
  name: { id: string; en: string };
  source: string;
  dimensions: {
    key: string;
    name: { id: string; en: string };
    elements: { key: string; name: { id: string; en: string } }[];
  }[];
}

export const GMSC_2017: FrameworkDefinition = {
  id: 'gmsc-2017',
  name: { id: 'Gerakan Menuju Smart City (Kominfo)', en: 'Towards Smart City Movement (Kominfo)' },
  source: 'Kominfo, Gerakan Menuju 100 Smart City, 2017',
  dimensions: [
    {
      key: 'governance',
      name: { id: 'Smart Governance', en: 'Smart Governance' },
      elements: [
        { key: 'governance.public-service', name: { id: 'Pelayanan Publik', en: 'Public Service' } },
        { key: 'governance.bureaucracy', name: { id: 'Manajemen Birokrasi yang Efisien', en: 'Bureaucracy Governance' } },
        { key: 'governance.public-policy', name: { id: 'Efisiensi Kebijakan Publik', en: 'Public Policy' } },
      ],
    },
    {
      key: 'branding',
      name: { id: 'Smart Branding', en: 'Smart Branding' },
      elements: [
        { key: 'branding.tourism', name: { id: 'Ekosistem Pariwisata', en: 'Tourism Branding' } },
        { key: 'branding.business', name: { id: 'Ekosistem Bisnis Daerah', en: 'Business Branding' } },
        { key: 'branding.city-appearance', name: { id: 'Wajah Kota', en: 'City Appearance' } },
      ],
    },
    {
      key: 'economy',
      name: { id: 'Smart Economy', en: 'Smart Economy' },
      elements: [
        { key: 'economy.industry', name: { id: 'Ekosistem Industri Berdaya Saing', en: 'Industry' } },
        { key: 'economy.welfare', name: { id: 'Kesejahteraan Rakyat', en: 'Welfare' } },
        { key: 'economy.financial-transactions', name: { id: 'Ekosistem Transaksi Keuangan', en: 'Financial Transactions' } },
      ],
    },
    {
      key: 'living',
      name: { id: 'Smart Living', en: 'Smart Living' },
      elements: [
        { key: 'living.harmony', name: { id: 'Harmonisasi Tata Ruang', en: 'Harmony (spatial planning)' } },
        { key: 'living.mobility', name: { id: 'Sarana Transportasi', en: 'Mobility' } },
        { key: 'living.health', name: { id: 'Prasarana Kesehatan', en: 'Health' } },
      ],
    },
    {
      key: 'society',
      name: { id: 'Smart Society', en: 'Smart Society' },
      elements: [
        { key: 'society.community', name: { id: 'Interaksi Masyarakat', en: 'Community' } },
        { key: 'society.learning', name: { id: 'Ekosistem Belajar', en: 'Learning' } },
        { key: 'society.security', name: { id: 'Sistem Keamanan Masyarakat', en: 'Security' } },
      ],
    },
    {
      key: 'environment',
      name: { id: 'Smart Environment', en: 'Smart Environment' },
      elements: [
        { key: 'environment.protection', name: { id: 'Proteksi Lingkungan', en: 'Protection' } },
        { key: 'environment.waste', name: { id: 'Tata Kelola Sampah dan Limbah', en: 'Waste' } },
        { key: 'environment.energy', name: { id: 'Tata Kelola Energi', en: 'Energy' } },
      ],
    },
  ],
};

export const FRAMEWORKS: FrameworkDefinition[] = [GMSC_2017];
export const CURRENT_FRAMEWORK_ID = GMSC_2017.id;
