import { paths } from './client.ts';
import type {
  AppConfig, Framework, Masterplan, Name, Participant, Program, OpdDetail,
} from './types.ts';
import { useApi } from './useApi.ts';

/** Typed shortcuts for the API documents most pages need. */
export const useConfig = () => useApi<AppConfig>(paths.config());
export const useFramework = () => useApi<Framework>(paths.framework());
export const useParticipants = () => useApi<Participant[]>(paths.participants());
export const useMasterplan = (code: string | null) => useApi<Masterplan>(code ? paths.masterplan(code) : null);
export const useProgram = (id: string) => useApi<Program>(paths.program(id));
export const useOpd = (id: string) => useApi<OpdDetail>(paths.opd(id));

/** Names of dimensions and elements by key, from the framework document. */
export function useFrameworkNames(): { ready: boolean; dimension: (key: string) => Name; element: (key: string) => Name } {
  const { data, error } = useFramework();
  const names = new Map<string, Name>();
  for (const d of data?.dimensions ?? []) {
    names.set(d.key, d.name);
    for (const e of d.elements) names.set(e.key, e.name);
  }
  const fallback = (key: string): Name => ({ id: key, en: key });
  return {
    ready: Boolean(data || error),
    dimension: (key) => names.get(key) ?? fallback(key),
    element: (key) => names.get(key) ?? fallback(key),
  };
}
