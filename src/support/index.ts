export { isInside, toPosix } from "./paths.js";
export { sha256 } from "./hash.js";
export { compareStrings } from "./order.js";
export { walkFiles } from "./walk-files.js";
export { decodeAttribute } from "./html-attribute.js";
export { attributesOf, forEachTag } from "./html-tags.js";
export { servedFile, withBasePath } from "./site-paths.js";
export { thrownReason } from "./thrown-reason.js";
export { settleWithin, timeLimitSeconds, type SettleWithinOptions } from "./settle-within.js";
