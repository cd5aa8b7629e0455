import type { MasterplanStatus } from '../api/types.ts';
import { useI18n } from '../i18n.ts';

export function StatusBadge({ status }: { status: MasterplanStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
