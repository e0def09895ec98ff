import { Island, Script, type PageProps } from "kiln-ssg";
import localTime from "../scripts/local-time.ts?client";
import Base from "../layouts/Base";
import Counter from "../islands/Counter";

/** The ways an island can wake up. Everything else on the page is plain HTML. */
export default function Islands({ url }: PageProps) {
  return (
    <Base title="Islands" description="Interactive components in a static page." url={url}>
      <h1>Islands</h1>
      <Script src={localTime} />
      <p>
        Built at{" "}
        <time data-local dateTime="2024-05-01T12:00:00Z">
          2024-05-01 12:00 UTC
        </time>
        ; a small client script shows that in your own time zone.
      </p>
      <p>This counter hydrates as soon as the page loads:</p>
      <Counter label="Count" start={0} />
      <p>This one waits until the browser is idle:</p>
      <Island hydrate="idle">
        <Counter label="Idle count" start={10} />
      </Island>
      <p>This one waits for a wide screen:</p>
      <Island hydrate={{ media: "(min-width: 40em)" }}>
        <Counter label="Wide count" start={20} />
      </Island>
      <p style={{ marginTop: "150vh" }}>And this one loads its code when it scrolls into view:</p>
      <Island hydrate="visible">
        <Counter label="Visible count" start={30} />
      </Island>
    </Base>
  );
}
