const links = [
  { href: "/", label: "Posts" },
  { href: "/docs/what-is-jamstack/", label: "What is the JAMstack?" },
  { href: "/tags/", label: "Tags" },
  { href: "/about/", label: "About" },
  { href: "/search/", label: "Search" },
];

export function SiteHeader({ url }: { url: string }) {
  return (
    <header class="site-header">
      <div class="container">
        <a class="brand" href="/">
          Kiln Notes
        </a>
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={url === link.href ? "page" : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
