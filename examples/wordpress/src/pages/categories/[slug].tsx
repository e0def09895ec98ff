import { getCollection, type Entry, type PageProps, type WordpressTerm } from "kiln-ssg";
import Base from "../../layouts/Base";
import { postsIn } from "../../wordpress";

export function paths() {
  return (getCollection("categories") as Entry<WordpressTerm>[])
    .filter((category) => postsIn(category.data).length > 0)
    .map((category) => ({ params: { slug: category.id }, props: { category } }));
}

export default function CategoryPage({ category }: PageProps<{ category: Entry<WordpressTerm> }>) {
  return (
    <Base title={category.data.name}>
      <h1>{category.data.name}</h1>
      <ul class="post-list">
        {postsIn(category.data).map((post) => (
          <li>
            <a href={`/posts/${post.id}/`}>{post.data.title}</a>
          </li>
        ))}
      </ul>
    </Base>
  );
}
