import { createContext, type ComponentChildren, type VNode } from "preact";
import { useContext } from "preact/hooks";

/** Collects what `<Head>` components ask for during one page's render. */
export class HeadCollector {
  readonly nodes: VNode[] = [];
}

export const HeadContext = createContext<HeadCollector | undefined>(undefined);

/**
 * Puts its children into the page's `<head>`: `<title>`, `<meta>`, `<link>`. Any page, layout
 * or component may use it; a later `<title>`, or `<meta>` with the same name or property,
 * replaces an earlier one, so a page can override its layout's defaults. `<html …/>` and
 * `<body …/>` set attributes of the document's own elements (`<body class="home" />`):
 * class names add up, other attributes the later wins.
 */
export function Head(props: { children?: ComponentChildren }): null {
  const collector = useContext(HeadContext);
  if (collector) collector.nodes.push(...flatten(props.children));
  return null;
}

function flatten(children: ComponentChildren): VNode[] {
  if (Array.isArray(children))
    return children.flatMap((child) => flatten(child as ComponentChildren));
  if (children !== null && typeof children === "object" && "type" in children)
    return [children as VNode];
  return [];
}
