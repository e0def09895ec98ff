import { getEntry, renderEntry, type PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";
import { FormattedDate } from "../../components/FormattedDate";
import { TagList } from "../../components/TagList";
import { publishedPosts } from "../../posts";

export function paths() {
  return publishedPosts().map((post) => ({ params: { slug: post.id }, props: { post } }));
}

type Props = PageProps<{ post: ReturnType<typeof publishedPosts>[number] }>;

export default function PostPage({ post, url }: Props) {
  const { html } = renderEntry(post);
  // The build checked that the reference names an author; getEntry reads it.
  const author = post.data.author && getEntry(post.data.author);
  return (
    <Base title={post.data.title} description={post.data.description} url={url}>
      <article class="prose">
        <header>
          <h1>{post.data.title}</h1>
          <p class="meta">
            <FormattedDate date={post.data.date} />
            {author && (
              <>
                {" by "}
                <a href={`/authors/${author.id}/`}>{author.data.name}</a>
              </>
            )}{" "}
            <TagList tags={post.data.tags} />
          </p>
        </header>
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </article>
      <p>
        <a href="/">← All posts</a>
      </p>
    </Base>
  );
}
