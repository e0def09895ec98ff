import { h } from "preact";
import { useContext } from "preact/hooks";
import { KilnError, catalog } from "../errors/index.js";
import { IslandContext, type ProcessedImage } from "./page-assets.js";

/** What importing an image file gives a page: `import photo from "../images/a.jpg"`. */
export interface ImageSource {
  readonly kind: "kiln-image";
  /** The source's path from the project root. */
  readonly id: string;
}

export interface ImageProps {
  src: ImageSource;
  /** Required: what the image shows. `alt=""` marks a decorative image. */
  alt: string;
  /** Which width the image takes at which viewport. @default "100vw" */
  sizes?: string;
  /** Load at once (the largest image above the fold); others load lazily. @default false */
  eager?: boolean;
  class?: string;
}

/**
 * A responsive image: AVIF and WebP in a `<picture>` with a JPEG/PNG fallback, `srcset` at
 * every encoded width, `width`/`height` so nothing shifts as it loads, lazy loading and async
 * decoding unless `eager`, and a blurred placeholder behind it.
 */
export function Image(props: ImageProps) {
  const { collector } = useContext(IslandContext);
  const id = typeof props.src === "object" && props.src !== null ? props.src.id : String(props.src);
  if (typeof props.alt !== "string") throw new KilnError(catalog.ImageAltMissing({ image: id }));
  const image = collector?.manifest?.images.get(id);
  if (!image) throw new KilnError(catalog.ImageUnknown({ src: id }));
  const sizes = props.sizes ?? "100vw";
  const largest = image.fallback.at(-1)!;
  return h(
    "picture",
    null,
    ...image.sources.map((source) =>
      h("source", { type: source.type, srcset: toSrcset(source.candidates), sizes }),
    ),
    h("img", {
      src: largest.url,
      srcset: toSrcset(image.fallback),
      sizes,
      width: image.width,
      height: image.height,
      alt: props.alt,
      class: props.class,
      loading: props.eager ? "eager" : "lazy",
      decoding: props.eager ? "auto" : "async",
      fetchpriority: props.eager ? "high" : undefined,
      style: placeholderStyle(image),
    }),
  );
}

function toSrcset(candidates: ProcessedImage["fallback"]): string {
  return candidates.map((c) => `${c.url} ${c.width}w`).join(", ");
}

/** The placeholder sits behind the image and is covered once it paints. */
function placeholderStyle(image: ProcessedImage): string {
  return `background:url(${image.placeholder}) center/cover no-repeat;height:auto;max-width:100%`;
}
