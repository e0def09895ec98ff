import { options, type VNode } from "preact";

/**
 * Tracks which component is rendering, so an exception can name the component that threw.
 * preact-render-to-string calls these hooks: `__b` before diffing a vnode, `diffed` after
 * (mangled option names; see preact-render-to-string src/lib/constants.js).
 */
type Hook = ((vnode: VNode) => void) | undefined;
const hooks = options as unknown as { __b: Hook; diffed: Hook };

const stack: string[] = [];
const previousBefore = hooks.__b;
const previousAfter = hooks.diffed;

hooks.__b = (vnode) => {
  if (typeof vnode.type === "function") stack.push(componentName(vnode.type));
  previousBefore?.(vnode);
};
hooks.diffed = (vnode) => {
  if (typeof vnode.type === "function") stack.pop();
  previousAfter?.(vnode);
};

/** Runs a render; if it throws, reports the innermost component that was rendering. */
export function traceComponents<T>(
  render: () => T,
): { ok: true; value: T } | { ok: false; error: unknown; component: string } {
  stack.length = 0;
  try {
    return { ok: true, value: render() };
  } catch (error) {
    return { ok: false, error, component: stack.at(-1) ?? "unknown" };
  } finally {
    stack.length = 0;
  }
}

function componentName(type: { displayName?: string; name?: string }): string {
  return type.displayName || type.name || "Anonymous";
}
