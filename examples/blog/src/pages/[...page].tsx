import { paginate, type Entry, type PageProps, type Paginated } from "kiln-ssg";
import Base from "../layouts/Base";
import { Pager } from "../components/Pager";
import { PostList } from "../components/PostList";
import { publishedPosts } from "../posts";

/** The newest posts at /, older ones at /2/, /3/, … */
export function paths() {
  return paginate(publishedPosts(), { pageSize: 3, base: "/" });
}

type Post = Entry<{ title: string; date: Date; description: string; tags: string[] }>;

export default function Home({ page, url }: PageProps<{ page: Paginated<Post> }>) {
  const first = page.number === 1;
  return (
    <Base
      title={first ? "Posts" : `Posts, page ${page.number} of ${page.count}`}
      description="Notes on building fast static sites with Kiln."
      url={url}
      // Listings repeat the posts' summaries: results should lead to the posts themselves.
      searchable={false}
    >
      <section class="intro">
        <h1>{first ? "Kiln Notes" : `Kiln Notes, page ${page.number}`}</h1>
        <p>Short notes on static sites, content APIs and shipping less JavaScript.</p>
      </section>
      <PostList posts={page.items} />
      <Pager page={page} />
    </Base>
  );
}
