/** A page holding only the evidence field, for test/e2e/files.e2e.test.ts (bundled by esbuild there). */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../web/src/core/i18n.ts';
import { FileChips, FileUpload, type FileMeta } from '../../web/src/modules/files/FileUpload.tsx';

function Harness() {
  const [files, setFiles] = useState<FileMeta[]>([]);
  return (
    <main id="main">
      <h1>Laporan kemajuan</h1>
      <form onSubmit={(e) => e.preventDefault()}>
        <FileUpload regionCode="64.02" value={files} onChange={setFiles} label="Bukti dukung" name="evidence" maxMb={1} />
      </form>
      <section aria-labelledby="shown">
        <h2 id="shown">Bukti terlampir</h2>
        <FileChips files={files} />
      </section>
      <p data-testid="ids">{files.map((f) => f.id).join(',')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
