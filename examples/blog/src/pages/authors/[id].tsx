import { getCollection, type PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";
import { PostList } from "../../components/PostList";

export function paths() {
  return getCollection("authors").map((author) => ({
    params: { id: author.id },
    props: { author },
  }));
}

type Props = PageProps<{ author: ReturnType<typeof getCollection<"authors">>[number] }>;

export default function AuthorPage({ author, url }: Props) {
  // A reverse lookup: the posts whose `author` reference names this author, newest first.
  const posts = getCollection("posts", { where: { author: author.id }, sort: "-date" });
  return (
    <Base title={author.data.name} description={author.data.bio} url={url}>
      <h1>{author.data.name}</h1>
      <p>{author.data.bio}</p>
      <h2>Posts</h2>
      <PostList posts={posts} />
    </Base>
  );
}
