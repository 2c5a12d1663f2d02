/** The one entry point the test uses (the package ships no types). */
declare module '@doyensec/electronegativity' {
  export default function run(options: Record<string, unknown>): Promise<unknown>;
}
