/** Fills `{name}` slots in a UI string. Kept apart from the dictionaries so widgets can use it without shipping them. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
