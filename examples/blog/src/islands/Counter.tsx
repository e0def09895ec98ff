import { useState } from "preact/hooks";
import styles from "./counter.module.css";

/** An island: rendered at build time, and made live in the browser by Kiln's runtime. */
export default function Counter({ label, start = 0 }: { label: string; start?: number }) {
  const [count, setCount] = useState(start);
  return (
    <p class={`counter ${styles.counter}`}>
      <button type="button" onClick={() => setCount(count + 1)}>
        {label}
      </button>{" "}
      <output>{count}</output>
    </p>
  );
}
