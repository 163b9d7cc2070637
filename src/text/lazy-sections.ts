/**
 * A catalog whose sections are built the first time each is read. A section written as an object
 * at a module's top level is compiled in full as its chunk loads (V8 parses top-level code
 * eagerly, a function's body only when it is first called): the two languages' catalogs cost
 * `pcv validate` ~6-10 ms of compiling though a clean run reads one sentence of one of them
 * (BENCHMARKS.md, "Validate: stop 15"). Each section is a function instead, called once.
 */
export function lazySections<T extends object>(build: { [K in keyof T]: () => T[K] }): T {
  const catalog = {} as T;
  for (const key of Object.keys(build) as (keyof T & string)[]) {
    Object.defineProperty(catalog, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const section = build[key]();
        Object.defineProperty(catalog, key, { value: section, enumerable: true });
        return section;
      },
    });
  }
  return catalog;
}
