import { Image, type PageProps } from "kiln-ssg";
import Base from "../layouts/Base";
import dusk from "../images/kiln-at-dusk.jpg";
import glaze from "../images/glaze-test.jpg";
import badge from "../images/badge.png";

const sizes = "(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)";

/** Responsive images: AVIF and WebP at several widths, with a fallback, sized up front. */
export default function Gallery({ url }: PageProps) {
  return (
    <Base title="Gallery" description="Images, resized and encoded at build time." url={url}>
      <h1>Gallery</h1>
      <figure>
        <Image
          src={dusk}
          alt="An orange and purple abstract of a kiln at dusk"
          sizes={sizes}
          eager
        />
        <figcaption>The first image loads at once; the others wait until you scroll.</figcaption>
      </figure>
      <figure>
        <Image src={glaze} alt="Blue and teal shapes, like a glaze test tile" sizes={sizes} />
      </figure>
      <Image src={badge} alt="" sizes="8rem" class="badge" />
    </Base>
  );
}
