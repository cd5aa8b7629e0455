/** Inputs inside table cells: their error sits under them and is linked with aria-describedby. */
export function cellA11y(id: string, error: string | undefined) {
  return {
    id: `${id}-err`,
    error,
    props: { id, 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': error ? `${id}-err` : undefined },
  };
}

export function CellError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return <span className="field-error" id={id}>{error}</span>;
}
