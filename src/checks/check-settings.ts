import { urlGlob } from "../support/index.js";
import { RULES, type Owner, type RuleId } from "./facts.js";

type Level = "error" | "warn";
type CheckOption =
  | Level
  | false
  | {
      level?: Level | false | undefined;
      ignore?: readonly string[] | undefined;
      rules?: Readonly<Record<string, Level | false>> | undefined;
    };

/** `checks` of the config, as written (see src/config/schema.ts). */
export interface ChecksConfig {
  links: CheckOption;
  a11y: CheckOption;
  remote?: Level | undefined;
}

/** The level of each rule for an owner, and the URLs a check skips. */
export interface CheckSettings {
  /** Whether the check runs at all (some rule of it is on). */
  enabled(check: "links" | "a11y"): boolean;
  /** The level of a rule's problem at this owner; false: not reported. */
  levelOf(rule: RuleId, owner: Owner): Level | false;
  /** Whether a check skips a page or link URL (`ignore` globs). */
  ignores(check: "links" | "a11y", url: string): boolean;
}

/**
 * Like eslint: a check's level sets every rule's ("error" keeps each rule's own default, so
 * heading-order warns; "warn" turns all down; false, off), `rules` overrides one rule, and
 * problems of remote entries warn unless `remote: "error"`: the repository cannot fix them.
 */
export function resolveCheckSettings(config: ChecksConfig): CheckSettings {
  const parts = { links: normalize(config.links), a11y: normalize(config.a11y) };
  const ruleLevel = (rule: RuleId): Level | false => {
    const { check, level: ruleDefault } = RULES[rule];
    const part = parts[check];
    const set = part.rules[rule];
    if (set !== undefined) return set;
    if (part.level === false) return false;
    return part.level === "warn" ? "warn" : ruleDefault;
  };
  return {
    enabled: (check) =>
      (Object.keys(RULES) as RuleId[]).some(
        (rule) => RULES[rule].check === check && ruleLevel(rule) !== false,
      ),
    levelOf: (rule, owner) => {
      const level = ruleLevel(rule);
      if (level === "error" && owner.kind === "remote" && config.remote !== "error") return "warn";
      return level;
    },
    ignores: (check, url) => parts[check].ignore.some((pattern) => pattern.test(url)),
  };
}

function normalize(option: CheckOption): {
  level: Level | false;
  ignore: RegExp[];
  rules: Readonly<Record<string, Level | false>>;
} {
  if (typeof option !== "object") return { level: option, ignore: [], rules: {} };
  return {
    level: option.level ?? "error",
    ignore: (option.ignore ?? []).map(urlGlob),
    rules: option.rules ?? {},
  };
}
