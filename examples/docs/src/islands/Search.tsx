import { useEffect, useRef, useState } from "preact/hooks";

/** The part of Pagefind's browser API this island uses (`pagefind/pagefind.js` in the output). */
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}
interface PagefindResult {
  url: string;
  meta: { title?: string };
  /** Plain text of the page around the match, with the matched words in `<mark>`. */
  excerpt: string;
}
interface Result {
  url: string;
  title: string;
  excerpt: string;
}

const SHOWN = 8;
/** Milliseconds of no typing before a search runs. */
const PAUSE = 150;

/**
 * Full-text search of the site, from the index the build writes with `search: true`. It
 * downloads nothing until the first query; then Pagefind's library fetches only the index
 * chunks for the words typed. `?q=` in the page's URL runs a search on load, so a plain form
 * on any page (no JavaScript there) can send its query here.
 */
export default function Search({ bundle = "/pagefind/", label = "Search" }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Result[] | undefined>(undefined);
  const [status, setStatus] = useState("");
  // Set once the island runs in the browser: before that the box is plain HTML.
  const [ready, setReady] = useState(false);
  const library = useRef<Promise<Pagefind> | undefined>(undefined);
  const latest = useRef(0);
  const list = useRef<HTMLOListElement>(null);

  async function run(text: string) {
    const ticket = ++latest.current;
    if (!text.trim()) {
      setResults(undefined);
      setStatus("");
      return;
    }
    // Wait for a pause in typing: each search fetches index chunks, so searching at every
    // key would fetch them for "p", "pi", "pip"… as well.
    await new Promise((resolve) => setTimeout(resolve, PAUSE));
    if (ticket !== latest.current) return;
    try {
      // A URL esbuild leaves alone: the library is the index's own, written by the build.
      library.current ??= import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>;
      const found = await (await library.current).search(text);
      const top = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
      if (ticket !== latest.current) return;
      setResults(
        top.map((data) => ({
          url: data.url,
          title: data.meta.title ?? data.url,
          excerpt: data.excerpt,
        })),
      );
      const count = found.results.length;
      setStatus(count === 0 ? "No results." : `${count} result${count === 1 ? "" : "s"}.`);
    } catch {
      library.current = undefined;
      if (ticket === latest.current)
        setStatus("Search needs the built site: run kiln build, then kiln serve.");
    }
  }

  useEffect(() => {
    setReady(true);
    const initial = new URLSearchParams(location.search).get("q") ?? "";
    if (initial) {
      setQuery(initial);
      void run(initial);
    }
  }, []);

  /** Arrow keys move between the box and the results; Escape clears. */
  function onKeyDown(event: KeyboardEvent) {
    const links = [...(list.current?.querySelectorAll("a") ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" && links.length > 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) document.getElementById("search-input")?.focus();
      else links[at - 1]?.focus();
    } else if (event.key === "Escape") {
      setQuery("");
      void run("");
      document.getElementById("search-input")?.focus();
    }
  }

  return (
    <div class="search" data-ready={ready ? "" : undefined} onKeyDown={onKeyDown}>
      <form role="search" aria-label={label} onSubmit={(event) => event.preventDefault()}>
        <label for="search-input">{label}</label>
        <input
          id="search-input"
          type="search"
          name="q"
          autocomplete="off"
          aria-describedby="search-status"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            void run(event.currentTarget.value);
          }}
        />
      </form>
      <p id="search-status" class="search-status" role="status">
        {status}
      </p>
      {results && results.length > 0 && (
        <ol class="search-results" ref={list}>
          {results.map((result) => (
            <li key={result.url}>
              <a href={result.url}>{result.title}</a>
              <p>
                <Excerpt html={result.excerpt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * Pagefind's excerpt is the page's text with `<mark>` around matches. Rendered as text
 * between the marks, never as HTML, so a page's own text cannot inject markup here.
 */
function Excerpt({ html }: { html: string }) {
  const parts = html.split(/<\/?mark>/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{decode(part)}</mark> : decode(part)))}
    </>
  );
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "'",
  );
}
