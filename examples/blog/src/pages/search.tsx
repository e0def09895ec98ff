import { Island, type PageProps } from "kiln-ssg";
import Base from "../layouts/Base";
import Search from "../islands/Search";

/** Full-text search of the posts and pages, from the index the build writes (`search: true`). */
export default function SearchPage({ url, site }: PageProps) {
  return (
    <Base
      title="Search"
      description="Search the text of every post and page."
      url={url}
      searchable={false}
    >
      <h1>Search</h1>
      <Island hydrate="idle">
        {/* The index is under the site\'s base path, which a browser script must be told. */}
        <Search label="Search the blog" bundle={`${site.base ?? "/"}pagefind/`} />
      </Island>
    </Base>
  );
}
