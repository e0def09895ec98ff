import { KilnError, catalog } from "../errors/index.js";

/**
 * A value read from an environment variable when the source loads: an API token, a
 * password. Kiln knows it is secret, so it never prints it, logs it or writes it into the
 * cache's metadata; it shows `[env:NAME]` instead.
 */
export interface EnvSecret {
  env: string;
  /** Builds the sent value from the variable, such as `(token) => "Bearer " + token`. */
  format?: (value: string) => string;
}

/** `headers: { Authorization: fromEnv("CMS_TOKEN", (t) => `Bearer ${t}`) }` */
export function fromEnv(name: string, format?: (value: string) => string): EnvSecret {
  return format ? { env: name, format } : { env: name };
}

export type MaybeSecret = string | EnvSecret;

/** Query parameters whose values are hidden in messages even when given as plain text. */
const SENSITIVE_PARAM = /(key|token|secret|password|passwd|signature|session)$|^(auth|sig|code)$/i;

/** Knows a source's secret values and hides them in any text meant for people. */
export class Secrets {
  readonly #values: { value: string; label: string }[] = [];

  constructor(readonly source: string) {}

  /** The plain value to send; remembers it (and its URL-encoded form) as secret. */
  reveal(value: MaybeSecret): string {
    if (typeof value === "string") return value;
    const raw = process.env[value.env];
    if (raw === undefined || raw === "") {
      throw new KilnError(catalog.SourceEnvMissing({ source: this.source, name: value.env }));
    }
    const sent = value.format ? value.format(raw) : raw;
    const forms: [string, string][] = [
      [sent, `[env:${value.env}:formatted]`],
      [raw, `[env:${value.env}]`],
      [encodeURIComponent(raw), `[env:${value.env}:url]`],
    ];
    const seen = new Set(this.#values.map((v) => v.value));
    // The raw value wins its own label when formatting left it unchanged.
    if (sent === raw) forms.shift();
    for (const [secret, label] of forms) {
      if (secret.length > 0 && !seen.has(secret)) this.#values.push({ value: secret, label });
      seen.add(secret);
    }
    // Longest first, so `Bearer abc` is replaced whole before `abc` is.
    this.#values.sort((a, b) => b.value.length - a.value.length);
    return sent;
  }

  revealAll(values: Readonly<Record<string, MaybeSecret>> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(values ?? {})) out[key] = this.reveal(value);
    return out;
  }

  /** Text with every secret replaced by its label, and sensitive query values hidden. */
  redact(text: string): string {
    let out = text;
    for (const { value, label } of this.#values) out = out.split(value).join(label);
    return out.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (match, sep: string, name: string) =>
      SENSITIVE_PARAM.test(name) && !match.includes("[env:") ? `${sep}${name}=[hidden]` : match,
    );
  }

  /**
   * Undoes `redact` for values from the environment, so a cached `Link` header can be
   * followed again.
   */
  restore(text: string): string {
    const byLabel = new Map<string, string>();
    for (const { value, label } of this.#values) if (!byLabel.has(label)) byLabel.set(label, value);
    return text.replace(
      /\[env:[A-Za-z0-9_]+(?::url|:formatted)?\]/g,
      (label) => byLabel.get(label) ?? label,
    );
  }
}
