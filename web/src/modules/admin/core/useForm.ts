import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../../../core/api/client.ts';
import type { Lang } from '../../../core/api/types.ts';
import { serverField, serverMessage, type FieldErrors } from './validation.ts';

/**
 * Form values plus errors shown as the user types: the client-side errors of a field appear
 * once it was changed (all of them after a submit); an error the server named (`field`) sits
 * on that field until it changes again.
 */
export function useForm<V>(initial: V, check: (v: V, lang: Lang) => FieldErrors, lang: Lang) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, ApiError>>({});
  const errors = useMemo(() => check(values, lang), [check, values, lang]);

  const touch = useCallback((path: string) => {
    setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
    setServer((s) => {
      const keys = Object.keys(s).filter((k) => k === path || k.startsWith(`${path}.`));
      if (!keys.length) return s;
      const next = { ...s };
      for (const k of keys) delete next[k];
      return next;
    });
  }, []);

  /** Set one top-level field (and mark it touched). */
  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    touch(String(key));
  }, [touch]);

  /** Update the values with a function, marking `path` touched (for rows of lists). */
  const update = useCallback((path: string, fn: (v: V) => V) => {
    setValues(fn);
    touch(path);
  }, [touch]);

  const errorOf = useCallback((path: string): string | undefined => {
    const fromServer = server[path];
    if (fromServer) return serverMessage(fromServer, lang, fromServer.code);
    const shown = submitted || touched.has(path) || [...touched].some((t) => path.startsWith(`${t}.`));
    return shown ? errors[path] : undefined;
  }, [errors, server, submitted, touched, lang]);

  /** Puts a server error onto its field; returns false when it names no field of this form. */
  const takeServerError = useCallback((err: ApiError, known: (field: string) => boolean): boolean => {
    const field = serverField(err);
    if (!field || !known(field)) return false;
    setServer((s) => ({ ...s, [field]: err }));
    return true;
  }, []);

  const reset = useCallback((v: V) => {
    setValues(v);
    setTouched(new Set());
    setSubmitted(false);
    setServer({});
  }, []);

  const valid = Object.keys(errors).length === 0;
  return { values, setValues, set, update, touch, errors, errorOf, valid, submitted, setSubmitted, takeServerError, reset, serverErrors: server };
}

export type Form<V> = ReturnType<typeof useForm<V>>;

/**
 * The submit of a console form: show every field's error and stop when invalid, else send with
 * the button busy; a server error naming one of `fields` sits on that field, any other error in
 * the form's alert (`error`).
 */
export function useSubmit<V>(form: Form<V>, fields: readonly string[], send: () => Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    form.setSubmitted(true);
    setError(null);
    if (!form.valid) return;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      const apiErr = asApiError(err);
      if (!form.takeServerError(apiErr, (f) => fields.includes(f))) setError(apiErr);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error, setError };
}
