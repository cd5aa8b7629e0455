import { ErrorAlert, Loading } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { instrumentPaths } from './api.ts';
import { useInstrumentsI18n } from './i18n.ts';

type Text = { id: string; en: string };
interface Full {
  id: string;
  components: { key: string; name: Text; weight: number; aspects: { key: string; name: Text; weight: number; indicators: {
    key: string; name: Text; dimension: string | null; weight: number; cumulative: boolean; suggestFrom?: string | null;
    levels: { level: number; name?: Text; description: Text; evidence?: Text }[];
  }[] }[] }[];
}

const pct = (w: number, lang: 'id' | 'en') => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(w * 100)} %`;

/** The whole instrument: components → aspects → indicators → levels with what each requires and the evidence it expects. */
export function InstrumentDetail({ id }: { id: string }) {
  const { t, lang } = useInstrumentsI18n();
  const full = useLive<Full>(instrumentPaths.one(id));
  if (full.error) return <ErrorAlert error={full.error} />;
  if (!full.data) return <Loading height={200} />;
  return (
    <div className="instrument-detail">
      {full.data.components.map((c) => (
        <section key={c.key} aria-label={c.name[lang]}>
          <h3>{c.name[lang]} <span className="muted">({pct(c.weight, lang)})</span></h3>
          {c.aspects.map((a) => (
            <div key={a.key} className="instrument-aspect">
              <h4>{a.name[lang]} <span className="muted">({t('detail.ofComponent', { weight: pct(a.weight, lang) })})</span></h4>
              <ol>
                {a.indicators.map((i) => (
                  <li key={i.key}>
                    <p>
                      <strong>{i.name[lang]}</strong> <code className="small">{i.key}</code>
                      <span className="muted small"> · {t('detail.ofAspect', { weight: pct(i.weight, lang) })}
                        {i.dimension && <> · {t(`detail.dimensions.${i.dimension}`)}</>}
                        {i.cumulative && <> · {t('detail.cumulative')}</>}
                        {i.suggestFrom && <> · {t(`detail.suggest.${i.suggestFrom}`)}</>}
                      </span>
                    </p>
                    <dl className="instrument-levels">
                      {i.levels.map((l) => (
                        <div key={l.level}>
                          <dt>{t('detail.level', { level: l.level })}{l.name && ` — ${l.name[lang]}`}</dt>
                          <dd>{l.description[lang]}{l.evidence && <><br /><span className="muted">{t('detail.evidence')}: {l.evidence[lang]}</span></>}</dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
