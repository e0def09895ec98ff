import { Island, type PageProps } from "kiln-ssg";
import DocsLayout from "../layouts/DocsLayout";
import Search from "../islands/Search";

/** The search page: the one page of the docs with JavaScript, loaded when the browser idles. */
export default function SearchPage({ url, site }: PageProps) {
  return (
    <DocsLayout
      title="Search"
      description="Search every page of the docs."
      url={url}
      searchable={false}
    >
      <h1>Search</h1>
      <Island hydrate="idle">
        {/* The index is under the site\'s base path, which a browser script must be told. */}
        <Search label="Search the docs" bundle={`${site.base ?? "/"}pagefind/`} />
      </Island>
    </DocsLayout>
  );
}
