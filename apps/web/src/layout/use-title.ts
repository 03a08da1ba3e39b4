import { useEffect } from 'react';

/** The page's title, as NHS services write it: "Page – Service – NHS" (an error first when there is one). */
export function useTitle(page: string, hasError = false) {
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${page} – Patient Online tracker – NHS`;
  }, [page, hasError]);
}
