import type { Name } from '../api/types.ts';
import { pick } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { pillarClass } from '../pillars.ts';

/** Small coloured label naming a dimension (pilar). */
export function PillarChip({ dimensionKey, name }: { dimensionKey: string; name: Name }) {
  const { lang } = useI18n();
  return <span className={`chip ${pillarClass(dimensionKey)}`}>{pick(name, lang)}</span>;
}
