/** Same keys as the English; Spanish plurals may add a _many form (Intl.PluralRules('es') has one, many, other). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & {
  [plural: `${string}_many`]: string;
};
