import Base from "../layouts/Base";

export default function NotFound() {
  return (
    <Base title="Page not found" url="/404.html">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Try the <a href="/">list of posts</a>.
      </p>
    </Base>
  );
}
