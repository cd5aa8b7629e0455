import { useConfig } from '../../../core/api/hooks.ts';
import type { Program } from '../../../core/api/types.ts';
import { useI18n } from '../../../core/i18n.ts';
import { LazyMount } from '../../maps/LazyMount.tsx';
import { ProgramMap } from '../../maps/lazy.ts';

/** Villages and districts where the program runs, as a list and on a map of the region's kecamatan. */
export function LocationsSection({ program: p }: { program: Program }) {
  const { t } = useI18n();
  const config = useConfig();
  const locs = [...p.locations].sort((a, b) => (a.districtName ?? '').localeCompare(b.districtName ?? '') || a.name.localeCompare(b.name));
  return (
    <section className="section" id="lokasi" aria-labelledby="loc-title">
      <h2 id="loc-title">{t('program.locations.title')}</h2>
      {locs.length === 0 ? (
        <p className="empty">{t('program.locations.none')}</p>
      ) : (
        <>
          <ul className="inline-list loc-list">
            {locs.map((l) => (
              <li key={l.code}>
                {l.name}
                <span className="muted"> · {l.level === 'village' ? t('program.locations.village', { district: l.districtName ?? '—' }) : t('program.locations.district')}</span>
              </li>
            ))}
          </ul>
          <LazyMount height="var(--map-h)" label={t('program.locations.mapLabel', { title: p.title })}>
            {config.data && <ProgramMap regionCode={p.region.code} locations={p.locations} tileUrl={config.data.tileUrl} label={t('program.locations.mapLabel', { title: p.title })} />}
          </LazyMount>
        </>
      )}
    </section>
  );
}
