// The commonmark-spec package ships no types.
declare module "commonmark-spec" {
  interface Example {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  const spec: { text: string; tests: Example[] };
  export default spec;
}
