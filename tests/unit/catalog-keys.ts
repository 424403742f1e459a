/** Every key of a catalog with its text: "members.table.member" → "Member". */
export function flattenCatalog(catalog: object, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(full, value);
    else for (const [k, v] of flattenCatalog(value as object, full)) keys.set(k, v);
  }
  return keys;
}
