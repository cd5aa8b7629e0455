import { useEffect } from 'react';

/** Sets the tab title to "<title> · Pilar" while the page is shown. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · Pilar`;
  }, [title]);
}
